package dev.asgd.training.tune;

import dev.asgd.core.linalg.Vectors;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.problem.Problem;
import dev.asgd.training.problem.TopEigenvectors;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The local curvature and gradient noise of any problem at a point theta, from gradients only: the
 * largest Hessian eigenvalue by Lanczos ({@link TopEigenvectors}, {@link #LANCZOS_STEPS} steps, full
 * reorthogonalisation; the tridiagonal by Hipparchus) on central finite-difference Hessian-vector products
 * of the full gradient over a row subset, H v ~ (g(theta + h v) - g(theta - h v)) / (2 h); along its
 * eigenvector v, each row's curvature v^T H_i v and gradient v . g_i (a one-dimensional sampled
 * quadratic: its mean is lambda_max, its spread the multiplicative noise); and the minibatch gradient
 * noise, the trace of Cov(g_B) = tr Cov(g_i) / B over the subset.
 *
 * @param lambdaMax the largest Hessian eigenvalue at theta (the penalty included)
 * @param noiseTrace tr Cov(g_B), the minibatch gradient noise at theta
 * @param rowCurvature per row of the subset, v^T H_i v (clipped at 0)
 * @param rowGradient per row of the subset, v . g_i
 * @param iterations Lanczos steps done
 */
public record EmpiricalCurvature(double lambdaMax, double noiseTrace, double[] rowCurvature, double[] rowGradient,
        int iterations) {
    /** Rows of the subset (at most). */
    public static final int ROWS = 1000;
    /** Lanczos steps (Hessian-vector products), at most the dimension. */
    static final int LANCZOS_STEPS = 20;

    /**
     * @param parameters the problem's dimension
     * @return about the doubles the curvature probe holds at once: the Lanczos basis and its
     *     scratch, about {@code LANCZOS_STEPS + 8} vectors of the parameters
     */
    public static double doubles(int parameters) {
        return (LANCZOS_STEPS + 8.0) * parameters;
    }

    /** Copies. */
    public EmpiricalCurvature {
        rowCurvature = rowCurvature.clone();
        rowGradient = rowGradient.clone();
    }

    @Override
    public double[] rowCurvature() {
        return rowCurvature.clone();
    }

    @Override
    public double[] rowGradient() {
        return rowGradient.clone();
    }

    /**
     * @param problem the loss
     * @param train the training rows (a subset of at most {@link #ROWS} is drawn from them)
     * @param theta the point
     * @param batch the minibatch size B
     * @param rng draws the subset and the Lanczos start vector
     * @return the curvature and noise at theta
     */
    public static EmpiricalCurvature at(Problem problem, Dataset train, double[] theta, int batch,
            UniformRandomProvider rng) {
        int n = Math.min(ROWS, train.size());
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = train.size() <= ROWS ? i : rng.nextInt(train.size());
        }
        int p = theta.length;
        double h = 1e-4 * Math.max(1, Math.sqrt(Vectors.dot(theta, theta)) / Math.sqrt(p));
        double[] start = new double[p];
        for (int a = 0; a < p; a++) {
            start[a] = rng.nextDouble() - 0.5;
        }
        TopEigenvectors top = TopEigenvectors.of((x, out) -> hvp(problem, train, rows, theta, x, h, out), start,
                LANCZOS_STEPS, 1);
        double lambda = Math.max(top.values()[0], 0);
        double[] v = top.vectors()[0];
        int it = top.steps();
        double[] curv = new double[n];
        double[] grad = new double[n];
        double[] plus = new double[p];
        double[] minus = new double[p];
        double[] g = new double[p];
        double[] tp = shifted(theta, v, h);
        double[] tm = shifted(theta, v, -h);
        double[] mean = new double[p];
        double[] sq = new double[p];
        int[] one = new int[1];
        for (int i = 0; i < n; i++) {
            one[0] = rows[i];
            problem.gradient(tp, train, one, plus);
            problem.gradient(tm, train, one, minus);
            problem.gradient(theta, train, one, g);
            double c = 0;
            for (int a = 0; a < p; a++) {
                c += v[a] * (plus[a] - minus[a]);
                mean[a] += g[a];
                sq[a] += g[a] * g[a];
            }
            curv[i] = Math.max(c / (2 * h), 0);
            grad[i] = Vectors.dot(v, g);
        }
        double trace = 0;
        for (int a = 0; a < p; a++) {
            double mu = mean[a] / n;
            trace += Math.max(sq[a] / n - mu * mu, 0);
        }
        return new EmpiricalCurvature(lambda, trace / batch, curv, grad, it);
    }

    private static void hvp(Problem problem, Dataset train, int[] rows, double[] theta, double[] v, double h,
            double[] out) {
        int p = theta.length;
        double[] gp = new double[p];
        double[] gm = new double[p];
        problem.gradient(shifted(theta, v, h), train, rows, gp);
        problem.gradient(shifted(theta, v, -h), train, rows, gm);
        for (int a = 0; a < p; a++) {
            out[a] = (gp[a] - gm[a]) / (2 * h);
        }
    }

    private static double[] shifted(double[] theta, double[] v, double h) {
        double[] t = theta.clone();
        for (int a = 0; a < t.length; a++) {
            t[a] += h * v[a];
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmpiricalCurvature c && c.lambdaMax == lambdaMax && c.noiseTrace == noiseTrace
                && java.util.Arrays.equals(c.rowCurvature, rowCurvature) && java.util.Arrays.equals(c.rowGradient, rowGradient)
                && c.iterations == iterations;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(lambdaMax) * 31 + Double.hashCode(noiseTrace);
    }

    @Override
    public String toString() {
        return "EmpiricalCurvature[lambdaMax=" + lambdaMax + ", noiseTrace=" + noiseTrace + "]";
    }
}
