package dev.asgd.training.problem;

import dev.asgd.core.linalg.Vectors;
import dev.asgd.training.data.Dataset;
import java.util.stream.IntStream;

/**
 * A deterministic full-batch minimiser of a problem's training loss (penalty included): L-BFGS
 * (Nocedal and Wright, algorithm 7.4, memory {@link #MEMORY}) from theta = 0 with a backtracking
 * Armijo line search, a pair kept only when s . y &gt; 0. Its steps are combinations of gradients, so
 * it never leaves the span they reach: for softmax, whose gradients have no component along the
 * shift of every class by one vector, theta* comes out with its class blocks summing to zero.
 * The full gradient is summed over chunks of {@link #CHUNK} rows.
 *
 * @param theta the last iterate
 * @param loss its loss
 * @param gradientNorm the Euclidean norm of its full gradient
 * @param iterations the iterations taken
 * @param converged whether the gradient norm reached the tolerance
 */
public record Lbfgs(double[] theta, double loss, double gradientNorm, int iterations, boolean converged) {
    /** Pairs kept. */
    public static final int MEMORY = 10;
    /** Rows per gradient call. */
    public static final int CHUNK = 2048;

    /** Copies. */
    public Lbfgs {
        theta = theta.clone();
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    /**
     * @param problem the problem
     * @param data the rows
     * @param tolerance stop when the full gradient's norm is at most this
     * @param maxIterations at most this many iterations
     * @return the result
     */
    public static Lbfgs minimise(Problem problem, Dataset data, double tolerance, int maxIterations) {
        return minimise(problem, data, new double[problem.dimension()], tolerance, maxIterations);
    }

    /**
     * @param problem the problem
     * @param data the rows
     * @param start the first iterate (e.g. a run's last parameters: a warm start)
     * @param tolerance stop when the full gradient's norm is at most this
     * @param maxIterations at most this many iterations
     * @return the result
     */
    public static Lbfgs minimise(Problem problem, Dataset data, double[] start, double tolerance, int maxIterations) {
        int p = problem.dimension();
        double[] x = start.clone();
        double[] g = new double[p];
        double f = lossAndGradient(problem, data, x, g);
        double[][] s = new double[MEMORY][];
        double[][] y = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        int stored = 0;
        int next = 0;
        double[] alpha = new double[MEMORY];
        double[] gNew = new double[p];
        double[] xNew = new double[p];
        int it = 0;
        double norm = Math.sqrt(Vectors.dot(g, g));
        while (norm > tolerance && it < maxIterations) {
            double[] dir = g.clone();
            for (int back = 1; back <= stored; back++) {
                int j = Math.floorMod(next - back, MEMORY);
                alpha[j] = rho[j] * Vectors.dot(s[j], dir);
                axpy(-alpha[j], y[j], dir);
            }
            if (stored > 0) {
                int last = Math.floorMod(next - 1, MEMORY);
                double gamma = Vectors.dot(s[last], y[last]) / Vectors.dot(y[last], y[last]);
                for (int a = 0; a < p; a++) {
                    dir[a] *= gamma;
                }
            } else {
                double sc = 1 / Math.max(1, norm);
                for (int a = 0; a < p; a++) {
                    dir[a] *= sc;
                }
            }
            for (int fwd = stored; fwd >= 1; fwd--) {
                int j = Math.floorMod(next - fwd, MEMORY);
                double b = rho[j] * Vectors.dot(y[j], dir);
                axpy(alpha[j] - b, s[j], dir);
            }
            double slope = -Vectors.dot(g, dir);
            if (slope >= 0) {
                dir = g.clone();
                slope = -Vectors.dot(g, g);
                stored = 0;
            }
            double step = 1;
            double fNew = Double.NaN;
            for (int ls = 0; ls < 60; ls++) {
                for (int a = 0; a < p; a++) {
                    xNew[a] = x[a] - step * dir[a];
                }
                fNew = lossAndGradient(problem, data, xNew, gNew);
                if (Double.isFinite(fNew) && fNew <= f + 1e-4 * step * slope) {
                    break;
                }
                step *= 0.5;
            }
            if (!(fNew <= f)) {
                break;
            }
            double[] sk = new double[p];
            double[] yk = new double[p];
            for (int a = 0; a < p; a++) {
                sk[a] = xNew[a] - x[a];
                yk[a] = gNew[a] - g[a];
            }
            double sy = Vectors.dot(sk, yk);
            if (sy > 1e-300) {
                s[next] = sk;
                y[next] = yk;
                rho[next] = 1 / sy;
                next = (next + 1) % MEMORY;
                stored = Math.min(stored + 1, MEMORY);
            }
            System.arraycopy(xNew, 0, x, 0, p);
            System.arraycopy(gNew, 0, g, 0, p);
            f = fNew;
            norm = Math.sqrt(Vectors.dot(g, g));
            it++;
        }
        return new Lbfgs(x, f, norm, it, norm <= tolerance);
    }

    /**
     * @param problem the problem
     * @param data the rows
     * @param x the parameters
     * @param g output: the full gradient (penalty included)
     * @return the training loss with the penalty
     */
    public static double lossAndGradient(Problem problem, Dataset data, double[] x, double[] g) {
        int n = data.size();
        int p = g.length;
        java.util.Arrays.fill(g, 0);
        double[] part = new double[p];
        double loss = 0;
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            int[] rows = IntStream.range(from, to).toArray();
            double w = (double) (to - from) / n;
            loss += w * problem.gradient(x, data, rows, part);
            axpy(w, part, g);
        }
        return loss + Problem.penalty(x, blockFeatures(problem), problem.l2());
    }

    private static int blockFeatures(Problem problem) {
        return LinearScores.of(problem).features();
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }
}
