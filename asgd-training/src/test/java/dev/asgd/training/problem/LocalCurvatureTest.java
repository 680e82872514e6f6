package dev.asgd.training.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.data.TrainTest;
import java.util.stream.IntStream;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;

/**
 * Hessian-vector products, per-sample factors and the noise trace of the linear-score problems
 * against finite differences and direct sums; L-BFGS against Newton; Lanczos against a dense
 * eigendecomposition.
 */
class LocalCurvatureTest {
    private static final TrainTest SOFT = DataSources.load("synthetic:softmax,n=600,d=3,classes=3,seed=4", 0.2, 1);
    private static final SoftmaxRegression SOFTMAX = new SoftmaxRegression(3, 3, 0.05);

    private static double[] point(int p) {
        double[] t = new double[p];
        for (int a = 0; a < p; a++) {
            t[a] = 0.3 * Math.sin(1.7 * a + 0.2);
        }
        return t;
    }

    private static double[] gradient(Problem problem, Dataset data, double[] theta) {
        double[] g = new double[theta.length];
        Lbfgs.lossAndGradient(problem, data, theta, g);
        return g;
    }

    /** Central differences of the full gradient, step 1e-5: truncation ~1e-10, rounding ~1e-11; bound 1e-7. */
    @Test
    void hessianTimesIsTheDerivativeOfTheGradient() {
        for (Problem problem : new Problem[] {SOFTMAX, new LogisticRegression(3, 0.02), new LeastSquares(3, 0.1)}) {
            Dataset data = problem instanceof SoftmaxRegression ? SOFT.train()
                    : DataSources.load(problem instanceof LeastSquares ? "synthetic:least-squares,n=500,d=3,seed=1"
                            : "synthetic:logistic,n=500,d=3,seed=1", 0.2, 1).train();
            int p = problem.dimension();
            double[] theta = point(p);
            LocalCurvature lc = LocalCurvature.at(LinearScores.of(problem), theta, data);
            double[] v = point(p + 3);
            v = java.util.Arrays.copyOf(v, p);
            double[] hv = new double[p];
            lc.hessianTimes(v, hv);
            double h = 1e-5;
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            for (int a = 0; a < p; a++) {
                plus[a] += h * v[a];
                minus[a] -= h * v[a];
            }
            double[] gp = gradient(problem, data, plus);
            double[] gm = gradient(problem, data, minus);
            for (int a = 0; a < p; a++) {
                assertThat(hv[a]).as("%s entry %d", problem.name(), a).isCloseTo((gp[a] - gm[a]) / (2 * h), within(1e-7));
            }
        }
    }

    /**
     * The curvature's gradient, grad (u^T H(theta) u), against central differences of u^T H u
     * along every coordinate (Hessian-vector products at theta +- h e_a, step 1e-4: truncation
     * ~1e-9; bound 1e-7), for the three problems (least squares: 0).
     */
    @Test
    void curvatureGradientIsTheDerivativeOfTheCurvature() {
        for (Problem problem : new Problem[] {SOFTMAX, new LogisticRegression(3, 0.02), new LeastSquares(3, 0.1)}) {
            Dataset data = problem instanceof SoftmaxRegression ? SOFT.train()
                    : DataSources.load(problem instanceof LeastSquares ? "synthetic:least-squares,n=500,d=3,seed=1"
                            : "synthetic:logistic,n=500,d=3,seed=1", 0.2, 1).train();
            LinearScores scores = LinearScores.of(problem);
            int p = problem.dimension();
            double[] theta = point(p);
            double[] u = java.util.Arrays.copyOf(point(p + 5), p);
            double[] grad = scores.curvatureGradients(theta, new double[][] {u}, data)[0];
            double h = 1e-4;
            for (int a = 0; a < p; a++) {
                double[] plus = theta.clone();
                double[] minus = theta.clone();
                plus[a] += h;
                minus[a] -= h;
                double fd = (curvature(scores, plus, u, data) - curvature(scores, minus, u, data)) / (2 * h);
                assertThat(grad[a]).as("%s entry %d", problem.name(), a).isCloseTo(fd, within(1e-7));
            }
        }
    }

    private static double curvature(LinearScores scores, double[] theta, double[] u, Dataset data) {
        double[] hu = new double[u.length];
        LocalCurvature.at(scores, theta, data).hessianTimes(u, hu);
        double s = 0;
        for (int a = 0; a < u.length; a++) {
            s += u[a] * hu[a];
        }
        return s;
    }

    /** In the identity basis the mean of the factors' outer products plus D is H, and the gradients average to the full gradient. */
    @Test
    void projectedFactorsRebuildTheHessianAndTheGradient() {
        Dataset data = SOFT.train();
        int p = SOFTMAX.dimension();
        double[] theta = point(p);
        LinearScores s = LinearScores.of(SOFTMAX);
        LocalCurvature lc = LocalCurvature.at(s, theta, data);
        double[][] basis = new double[p][p];
        for (int a = 0; a < p; a++) {
            basis[a][a] = 1;
        }
        int n = data.size();
        int m = s.factors();
        assertThat(m).isEqualTo(3);
        double[] f = new double[n * m * p];
        double[] g = new double[n * p];
        lc.project(basis, f, g);
        double[] full = gradient(SOFTMAX, data, theta);
        double[] e = new double[p];
        double[] col = new double[p];
        for (int b = 0; b < p; b++) {
            e[b] = 1;
            lc.hessianTimes(e, col);
            e[b] = 0;
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += g[i * p + b] / n;
            }
            assertThat(mean).isCloseTo(full[b], within(1e-12));
            for (int a = 0; a < p; a++) {
                double sum = 0;
                for (int r = 0; r < n * m; r++) {
                    sum += f[r * p + a] * f[r * p + b] / n;
                }
                double pen = a == b && a % 4 != 3 ? SOFTMAX.l2() : 0;
                assertThat(sum + pen).isCloseTo(col[a], within(1e-12));
            }
        }
        double trace = 0;
        for (int a = 0; a < p; a++) {
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                mean += g[i * p + a] / n;
                sq += g[i * p + a] * g[i * p + a] / n;
            }
            trace += sq - mean * mean;
        }
        assertThat(lc.gradientTrace()).isCloseTo(trace, within(1e-10 * trace));
        assertThat(lc.size()).isEqualTo(n);
        assertThat(lc.dimension()).isEqualTo(p);
    }

    /** L-BFGS reaches Newton's optimum of logistic regression (to its tolerance over the smallest eigenvalue). */
    @Test
    void lbfgsFindsNewtonsOptimum() {
        Dataset data = DataSources.load("synthetic:logistic,n=2000,d=5,seed=2", 0.2, 1).train();
        LogisticRegression lr = new LogisticRegression(5, 0.01);
        Lbfgs r = Lbfgs.minimise(lr, data, 1e-9, 500);
        assertThat(r.converged()).isTrue();
        assertThat(r.gradientNorm()).isLessThanOrEqualTo(1e-9);
        double[] newton = lr.optimum(data);
        double[] x = r.theta();
        for (int a = 0; a < x.length; a++) {
            assertThat(x[a]).isCloseTo(newton[a], within(1e-6));
        }
        assertThat(r.loss()).isCloseTo(lr.loss(newton, data), within(1e-12));
        assertThat(r.iterations()).isPositive();
    }

    /** Softmax's optimum from 0 has class blocks summing to zero (the shift direction is never entered). */
    @Test
    void softmaxOptimumStaysOffTheShiftDirection() {
        Lbfgs r = Lbfgs.minimise(SOFTMAX, SOFT.train(), 1e-8, 500);
        double[] x = r.theta();
        for (int a = 0; a < 4; a++) {
            assertThat(x[a] + x[4 + a] + x[8 + a]).isCloseTo(0, within(1e-12));
        }
    }

    /** Top Ritz pairs of a full Lanczos run against Hipparchus on a 30 x 30 SPD matrix. */
    @Test
    void lanczosFindsTheTopEigenpairs() {
        int p = 30;
        double[][] a = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                a[i][j] = Math.cos(i * j + 0.3 * i) * 0.1 + (i == j ? 1.0 / (1 + i) : 0);
            }
        }
        double[][] s = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < p; k++) {
                    s[i][j] += a[k][i] * a[k][j];
                }
            }
        }
        double[] start = IntStream.range(0, p).mapToDouble(j -> 1 + 0.5 * Math.sin(1.0 + j)).toArray();
        TopEigenvectors top = TopEigenvectors.of((v, out) -> {
            for (int i = 0; i < p; i++) {
                double x = 0;
                for (int j = 0; j < p; j++) {
                    x += s[i][j] * v[j];
                }
                out[i] = x;
            }
        }, start, p, 3);
        double[] ev = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(s)).getEigenvalues();
        java.util.Arrays.sort(ev);
        assertThat(top.values()[0]).isCloseTo(ev[p - 1], within(1e-9));
        assertThat(top.values()[2]).isCloseTo(ev[p - 3], within(1e-9));
        assertThat(top.smallest()).isCloseTo(ev[0], within(1e-9));
        double[] v = top.vectors()[0];
        for (int i = 0; i < p; i++) {
            double x = 0;
            for (int j = 0; j < p; j++) {
                x += s[i][j] * v[j];
            }
            assertThat(x).isCloseTo(ev[p - 1] * v[i], within(1e-8));
        }
        assertThat(top.steps()).isEqualTo(p);
    }

    @Test
    void otherProblemsHaveNoLinearScores() {
        Problem other = new Problem() {
            @Override
            public String name() {
                return "other";
            }

            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double l2() {
                return 0;
            }

            @Override
            public double gradient(double[] w, Dataset data, int[] batch, double[] g) {
                return 0;
            }

            @Override
            public double loss(double[] w, Dataset data) {
                return 0;
            }

            @Override
            public double accuracy(double[] w, Dataset data) {
                return 0;
            }
        };
        assertThatThrownBy(() -> LinearScores.of(other)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("problem");
    }
}
