package dev.asgd.theory.sampled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.junit.jupiter.api.Test;

/** Contraction factors and edges against independent computations. */
class SampledRatesTest {

    /** The reduced (noise-transfer) radius against the dense matrix of the full map on a small state. */
    @Test
    void meanSquareContractionMatchesDenseFullMap() {
        SampledQuadratic model = SampledModels.regression(RandomSource.XO_RO_SHI_RO_128_PP.create(11L), 30, 3, 2, 0.01);
        double[] pmf = {0.3, 0.2, 0.5};
        SampledRates rates = SampledRates.of(model, pmf);
        for (double f : new double[] {0.2, 0.5, 0.8, 0.95, 1.05}) {
            double eta = f * rates.meanEdge();
            double dense = denseRadius(model, pmf, eta);
            assertThat(rates.meanSquareContraction(eta)).as("f = %s", f).isCloseTo(dense, within(1e-9 * dense));
        }
    }

    /** The mean radius against the growth of the mean over many steps (loose: sub-exponential factors). */
    @Test
    void meanContractionMatchesGrowthOfTheMean() {
        SampledQuadratic model = SampledModels.regression(RandomSource.XO_RO_SHI_RO_128_PP.create(12L), 100, 3, 4, 0.05);
        double[] pmf = {0.2, 0.3, 0.1, 0.4};
        SampledRates rates = SampledRates.of(model, pmf);
        double eta = 0.9 * rates.meanEdge();
        double rho = rates.meanContraction(eta);
        SampledMoments m = SampledMoments.start(model, eta, pmf, new double[] {1, 1, 1});
        int half = 2000;
        double first = 0;
        for (int k = 1; k <= 2 * half; k++) {
            m.step();
            if (k == half) {
                first = norm(m.mean());
            }
        }
        double growth = Math.pow(norm(m.mean()) / first, 1.0 / half);
        assertThat(growth).isCloseTo(rho, within(2e-3));
    }

    /** The companion radius by Hipparchus' eigenvalues and by Laguerre's polynomial roots. */
    @Test
    void companionRadiusAgreesWithPolynomialRoots() {
        CompanionRadius c = new CompanionRadius(StalenessLaw.of(new double[] {0.1, 0.2, 0.3, 0, 0.4}));
        for (double b : new double[] {0.05, 0.3, 0.7, 1.4}) {
            assertThat(c.radius(b)).isCloseTo(c.laguerre(b), within(1e-10));
        }
        assertThat(new CompanionRadius(StalenessLaw.of(new double[] {2})).radius(2.5)).isCloseTo(1.5, within(1e-15));
    }

    /**
     * Gelfand's formula (the last resort when both root finders fail) against the eigenvalues: a
     * contracting and an expanding companion matrix, one with a complex dominant pair, a Jordan
     * block (the slowest case for ||A^k||^(1/k)) and the zero matrix.
     */
    @Test
    void gelfandRadiusAgreesWithTheEigenvalues() {
        CompanionRadius c = new CompanionRadius(StalenessLaw.of(new double[] {0.1, 0.2, 0.3, 0, 0.4}));
        for (double b : new double[] {0.05, 0.3, 0.7, 1.4}) {
            org.hipparchus.linear.RealMatrix a = org.hipparchus.linear.MatrixUtils.createRealMatrix(5, 5);
            a.setEntry(0, 0, 1 - b * 0.1);
            double[] p = {0.1, 0.2, 0.3, 0, 0.4};
            for (int l = 1; l < 5; l++) {
                a.setEntry(0, l, -b * p[l]);
                a.setEntry(l, l - 1, 1);
            }
            assertThat(CompanionRadius.gelfand(a)).isCloseTo(c.radius(b), within(1e-9));
        }
        org.hipparchus.linear.RealMatrix jordan = org.hipparchus.linear.MatrixUtils.createRealMatrix(
                new double[][] {{0.9, 1, 0}, {0, 0.9, 1}, {0, 0, 0.9}});
        assertThat(CompanionRadius.gelfand(jordan)).isCloseTo(0.9, within(1e-9));
        assertThat(CompanionRadius.gelfand(org.hipparchus.linear.MatrixUtils.createRealMatrix(2, 2))).isZero();
    }

    /**
     * The mean-square radius against the growth ratio of the homogeneous full recursion (zero gradients
     * at the optimum, so no noise and no third-moment term: an independent code path) after 3000 steps
     * (or where the trace leaves [1e-250, 1e250]), at 0.5, 0.9 and 1.2 times the edge.
     */
    @Test
    void meanSquareContractionMatchesGrowthOfHomogeneousRecursion() {
        double[][] d = SampledModels.data(RandomSource.XO_RO_SHI_RO_128_PP.create(13L), 60, 3, 0.02);
        SampledQuadratic model = SampledQuadratic.of(d[0], d[1], d[2], 2);
        SampledQuadratic homogeneous = SampledQuadratic.of(d[0], new double[d[1].length], d[2], 2);
        double[] pmf = {0.5, 0.25, 0.25};
        SampledRates rates = SampledRates.of(model, pmf);
        for (double f : new double[] {0.5, 0.9, 1.2}) {
            double eta = f * rates.meanSquareEdge();
            SampledMoments m = SampledMoments.start(homogeneous, eta, pmf, new double[] {1, -0.5, 0.3});
            double prev = Double.NaN;
            double ratio = 0;
            for (int k = 0; k < 3000 && !(prev < 1e-250 || prev > 1e250); k++) {
                m.step();
                double[] s = m.secondMoment();
                double tr = s[0] + s[4] + s[8];
                ratio = tr / prev;
                prev = tr;
            }
            double rho = rates.meanSquareContraction(eta);
            assertThat(ratio).as("f = %s", f).isCloseTo(rho, within(1e-8 * rho));
            assertThat(rho).isGreaterThanOrEqualTo(Math.pow(rates.meanContraction(eta), 2) * (1 - 1e-12));
        }
    }

    /**
     * A Monte Carlo estimate of the log-slope of E|u_k|^2 for interpolating data (all c_i = 0, so the
     * recursion is homogeneous): 20000 chains, seed 77, slope of log mean |u|^2 between steps 30 and
     * 90. It must lie within 4.5 standard errors (delta method, the covariance of the two means left
     * out, which overstates the error) of the exact recursion's slope over the same window (false
     * failure rate 7e-6), and that slope within 0.01 of log radius (the loose part: what is left of the
     * transient at step 30).
     */
    @Test
    void meanSquareContractionMatchesMonteCarloLogSlope() {
        org.apache.commons.rng.UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(77L);
        int n = 30;
        double[][] d = SampledModels.data(rng, n, 2, 0.05);
        double[] rows = d[0];
        double[] penalty = d[2];
        int batch = 2;
        SampledQuadratic model = SampledQuadratic.of(rows, new double[rows.length], penalty, batch);
        double[] pmf = {0.5, 0.5};
        SampledRates rates = SampledRates.of(model, pmf);
        double eta = 0.4 * rates.meanSquareEdge();
        double rho = rates.meanSquareContraction(eta);
        int chains = 20_000;
        int k1 = 30;
        int k2 = 90;
        double s1 = 0;
        double q1 = 0;
        double s2 = 0;
        double q2 = 0;
        for (int c = 0; c < chains; c++) {
            double[] cur = {1, 1};
            double[] old = {1, 1};
            for (int k = 1; k <= k2; k++) {
                double[] read = rng.nextBoolean() ? cur : old;
                double[] next = cur.clone();
                for (int b = 0; b < batch; b++) {
                    int i = rng.nextInt(n);
                    double zu = rows[2 * i] * read[0] + rows[2 * i + 1] * read[1];
                    for (int a = 0; a < 2; a++) {
                        next[a] -= eta * (rows[2 * i + a] * zu + penalty[a] * read[a]) / batch;
                    }
                }
                old = cur;
                cur = next;
                if (k == k1) {
                    double v = cur[0] * cur[0] + cur[1] * cur[1];
                    s1 += v;
                    q1 += v * v;
                }
            }
            double v = cur[0] * cur[0] + cur[1] * cur[1];
            s2 += v;
            q2 += v * v;
        }
        double m1 = s1 / chains;
        double m2 = s2 / chains;
        double rel1 = (q1 / chains - m1 * m1) / chains / (m1 * m1);
        double rel2 = (q2 / chains - m2 * m2) / chains / (m2 * m2);
        double slope = Math.log(m2 / m1) / (k2 - k1);
        double se = Math.sqrt(rel1 + rel2) / (k2 - k1);
        SampledMoments exact = SampledMoments.start(model, eta, pmf, new double[] {1, 1});
        double e1 = 0;
        for (int k = 1; k <= k2; k++) {
            exact.step();
            if (k == k1) {
                e1 = trace(exact.secondMoment());
            }
        }
        double exactSlope = Math.log(trace(exact.secondMoment()) / e1) / (k2 - k1);
        assertThat(slope).as("se %s", se).isCloseTo(exactSlope, within(4.5 * se));
        assertThat(exactSlope).isCloseTo(Math.log(rho), within(0.01));
    }

    private static double trace(double[] s) {
        return s[0] + s[3];
    }

    /** Fixed delay tau, one eigenvalue: eta lambda at the mean edge is 2 sin(pi / (2 (2 tau + 1))). */
    @Test
    void meanEdgeOfFixedDelayHasTheKnownAnswer() {
        double[] rows = {1, -1, 1, -1};
        SampledQuadratic model = SampledQuadratic.of(rows, new double[] {0.1, -0.1, 0.2, -0.2}, new double[] {0.25}, 1);
        double lambda = model.hessianEigenvalues()[0];
        for (int tau = 0; tau <= 6; tau++) {
            double[] pmf = new double[tau + 1];
            pmf[tau] = 1;
            SampledRates rates = SampledRates.of(model, pmf);
            double want = 2 * Math.sin(Math.PI / (2 * (2 * tau + 1))) / lambda;
            assertThat(rates.meanEdge()).as("tau = %d", tau).isCloseTo(want, within(1e-10 * want));
            // no curvature noise and a fixed lag: the second moment is the mean's square, so the edges coincide
            assertThat(rates.meanSquareEdge()).isCloseTo(rates.meanEdge(), within(1e-9 * want));
            assertThat(rates.meanSquareContraction(0.5 * want))
                    .isCloseTo(Math.pow(rates.meanContraction(0.5 * want), 2), within(1e-12));
        }
    }

    /** The mean-square edge: radius 1 there, below 1 just below, above 1 just above, and at most the mean edge. */
    @Test
    void meanSquareEdgeIsWhereTheRadiusCrossesOne() {
        Object[][] cases = {
            {21L, 80, 3, 1, new double[] {1}},
            {22L, 80, 3, 4, new double[] {0.3, 0.3, 0.4}},
            {23L, 200, 5, 2, new double[] {0.1, 0.2, 0.3, 0.2, 0.1, 0.1}},
            {24L, 50, 2, 8, new double[] {0, 0, 1}},
        };
        for (Object[] c : cases) {
            SampledQuadratic model = SampledModels.regression(RandomSource.XO_RO_SHI_RO_128_PP.create((Long) c[0]),
                    (Integer) c[1], (Integer) c[2], (Integer) c[3], 0.01);
            double[] pmf = (double[]) c[4];
            SampledRates rates = SampledRates.of(model, pmf);
            double edge = rates.meanSquareEdge();
            assertThat(edge).as("seed %s", c[0]).isLessThanOrEqualTo(rates.meanEdge());
            assertThat(rates.meanSquareContraction(edge)).as("seed %s", c[0]).isCloseTo(1, within(1e-6));
            assertThat(rates.meanSquareContraction(edge * (1 - 1e-4))).isLessThan(1);
            assertThat(rates.meanSquareContraction(edge * (1 + 1e-4))).isGreaterThan(1);
            assertThat(rates.meanContraction(rates.meanEdge())).isCloseTo(1, within(1e-9));
            assertThat(rates.meanContraction(rates.meanEdge() * (1 - 1e-4))).isLessThan(1);
        }
    }

    /** A map whose Perron vector is singular (X -&gt; X_00 E_00): the bounds cannot meet, the dense fallback answers. */
    @Test
    void coneRadiusFallsBackToDenseEigenvalues() {
        ConeRadius cone = new ConeRadius(2, 1e-11, 200);
        double[] k = new double[9];
        k[0] = 0.7;
        assertThat(cone.radius(k)).isCloseTo(0.7, within(1e-14));
        assertThat(cone.lastFallback()).isTrue();
        double[] zero = new double[9];
        assertThat(cone.radius(zero)).isZero();
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    static double denseRadius(SampledQuadratic model, double[] pmf, double eta) {
        SecondMomentMap map = new SecondMomentMap(model, eta, StalenessLaw.of(pmf));
        int n = map.size();
        double[][] a = new double[n][n];
        double[] e = new double[n];
        double[] out = new double[n];
        for (int c = 0; c < n; c++) {
            java.util.Arrays.fill(e, 0);
            e[c] = 1;
            map.apply(e, out);
            for (int r = 0; r < n; r++) {
                a[r][c] = out[r];
            }
        }
        double r = 0;
        for (Complex z : new EigenDecompositionNonSymmetric(MatrixUtils.createRealMatrix(a)).getEigenvalues()) {
            r = Math.max(r, z.norm());
        }
        return r;
    }
}
