package dev.asgd.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LyapunovCertificateTest {
    private static LyapunovCertificate certificate(double gamma, double omega0) {
        SmeParameters sme = new SmeParameters(Double.NaN, gamma, 1, 1);
        return LyapunovCertificate.of(TheoremConstants.of(sme, omega0), gamma, omega0);
    }

    private static double minEigenvalue(RealMatrix symmetric) {
        double[] ev = new EigenDecompositionSymmetric(symmetric).getEigenvalues();
        double min = Double.POSITIVE_INFINITY;
        for (double e : ev) {
            min = Math.min(min, e);
        }
        return min;
    }

    /** Seeded (seed 3) modes in both regimes and at the critical point. */
    static Stream<Arguments> modes() {
        SplittableRandom r = new SplittableRandom(3);
        Stream<Arguments> random = Stream.generate(() -> {
            double omega0 = Math.pow(10, r.nextDouble(-1, 1));
            double gamma = 2 * omega0 * Math.pow(10, r.nextDouble(-1.5, 1.5));
            return Arguments.of(gamma, omega0);
        }).limit(40);
        return Stream.concat(Stream.of(Arguments.of(2.0, 1.0), Arguments.of(0.6, 0.3)), random);
    }

    /** Case 1 constants: K = gamma P exactly (THEORY-NOTES section 4). */
    @Test
    void caseOneCertificateIsGammaTimesP() {
        for (double[] gw : new double[][] {{1, 1}, {0.3, 2}, {3.9, 2}, {0.01, 0.1}}) {
            LyapunovCertificate c = certificate(gw[0], gw[1]);
            double[][] p = c.p();
            double[][] k = c.k();
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    assertThat(k[i][j]).isCloseTo(gw[0] * p[i][j], within(1e-12 * Math.max(1, Math.abs(k[i][j]))));
                }
            }
            assertThat(c.largestC()).isCloseTo(gw[0], within(1e-12));
        }
    }

    /** K of (4.5) equals Q P + P Q^T (4.6), not the printed Q P + Q^T P of (4.7). */
    @ParameterizedTest
    @MethodSource("modes")
    void kIsQpPlusPqTranspose(double gamma, double omega0) {
        LyapunovCertificate c = certificate(gamma, omega0);
        RealMatrix q = new Array2DRowRealMatrix(new double[][] {{0, 1}, {-omega0 * omega0, gamma}});
        RealMatrix p = new Array2DRowRealMatrix(c.p());
        RealMatrix k = q.multiply(p).add(p.multiply(q.transpose()));
        RealMatrix printed = q.multiply(p).add(q.transpose().multiply(p));
        double scale = Math.max(1, k.getNorm1());
        assertThat(k.subtract(new Array2DRowRealMatrix(c.k())).getNorm1()).isLessThan(1e-12 * scale);
        if (Math.abs(omega0 * omega0 - 1) > 1e-3 || Math.abs(gamma / 2 - c.p()[1][1]) > 1e-3) {
            assertThat(printed.subtract(k).getNorm1()).isGreaterThan(1e-6);
        }
    }

    /**
     * The certificate supports mu = min Re eig(Q): K - 2 muSharp P is positive semi-definite, and
     * K - 2 muPaper P is not (its smallest eigenvalue is negative), except at the critical point,
     * where the paper's case 3 gives up delta. largestC is checked against Hipparchus: the smallest
     * eigenvalue of L^-1 K L^-T with P = L L^T.
     */
    @ParameterizedTest
    @MethodSource("modes")
    void certifiesTheSharpRateAndNotThePrintedOne(double gamma, double omega0) {
        LyapunovCertificate c = certificate(gamma, omega0);
        RealMatrix p = new Array2DRowRealMatrix(c.p());
        RealMatrix k = new Array2DRowRealMatrix(c.k());
        RealMatrix linv = new CholeskyDecomposition(p).getLT().transpose();
        linv = new org.hipparchus.linear.LUDecomposition(linv).getSolver().getInverse();
        double generalized = minEigenvalue(linv.multiply(k).multiply(linv.transpose()));
        double scale = Math.max(1, gamma);
        assertThat(c.largestC()).isCloseTo(generalized, within(1e-7 * scale * Math.max(1, p.getNorm1())));

        double muSharp = DecayRates.muSharp(gamma, omega0);
        double muPaper = DecayRates.muPaper(gamma, omega0);
        TheoremConstants tc = TheoremConstants.of(new SmeParameters(Double.NaN, gamma, 1, 1), omega0);
        double certified = Double.isNaN(tc.criticalDelta()) ? muSharp : muSharp - tc.criticalDelta();
        RealMatrix sharp = k.subtract(p.scalarMultiply(2 * certified));
        assertThat(minEigenvalue(sharp)).isGreaterThan(-1e-9 * scale * p.getNorm1());
        RealMatrix printed = k.subtract(p.scalarMultiply(2 * muPaper));
        assertThat(minEigenvalue(printed)).isLessThan(0);
        if (Double.isNaN(tc.criticalDelta())) {
            // For the paper's constants the largest c with K >= c P is the printed mu, so the certified
            // rate, largestC / 2, is the sharp one: the printed mu confuses K >= mu P with K >= 2 mu P.
            assertThat(c.largestC()).isCloseTo(muPaper, within(1e-7 * scale));
        }
    }

    @Test
    void degeneratePencilGivesNaN() {
        assertThat(LyapunovCertificate.smallestGeneralizedEigenvalue(new double[][] {{1, 0}, {0, 1}},
                new double[][] {{1, 1}, {1, 1}})).isNaN();
    }
}
