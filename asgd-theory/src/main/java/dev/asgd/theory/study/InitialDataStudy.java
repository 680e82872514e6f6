package dev.asgd.theory.study;

import dev.asgd.core.Require;
import dev.asgd.core.compare.Agreement;
import dev.asgd.core.fit.WindowDecay;
import dev.asgd.core.staleness.GeometricStaleness;
import dev.asgd.theory.DampingRegime;
import dev.asgd.theory.DecayRates;
import dev.asgd.theory.SmeParameters;
import dev.asgd.theory.moments.ExactMoments;
import dev.asgd.theory.moments.MomentProblem;
import dev.asgd.theory.sme.LinearSme;
import dev.asgd.theory.sme.Matrix2;
import dev.asgd.theory.sme.SmeDecay;
import java.util.ArrayList;
import java.util.List;

/**
 * Which initial data attain the printed mu: ||h||_*^2 of the SME's Gaussian density against the
 * stationary one (exact, {@link SmeDecay#chiSquare}) for an off-centre start (mean displaced,
 * stationary covariance: a degree-1 mode) and a centred start (mean at equilibrium, covariance
 * half the stationary one: degree-2 modes only), and the same two starts in discrete ASGD through
 * its exact moments ({@link ExactMoments}, sigma = 0: ||h||^2 ~ mean^2, resp. ~ second moment^2).
 * Exponents are read off two windows ({@link WindowDecay}) and set against the printed 2 mu.
 */
public final class InitialDataStudy {
    /** SME time of the plotted curves. */
    static final double PLOT_TIME = 40;
    /** Points of the plotted curves. */
    static final int PLOT_POINTS = 800;

    private InitialDataStudy() {
    }

    /**
     * @param kappa staleness rate, {@code 0 <= kappa < 1}
     * @param omega0 square root of the Hessian eigenvalue, &gt; 0
     * @param gammas frictions gamma, one or more, each &gt; 0 (eta = (1 - kappa) / gamma^2, sigma = 1)
     * @param points records over the horizon 150 / mu (at least 20)
     * @param plotEta the learning rate of the plotted curves, &gt; 0
     */
    public record Parameters(double kappa, double omega0, double[] gammas, int points, double plotEta) {
        /** Validates and copies. */
        public Parameters {
            Require.inHalfOpen(kappa, 0, 1, "kappa");
            Require.positiveFinite(omega0, "omega0");
            gammas = Require.positiveFiniteAll(gammas, "gammas");
            Require.atLeast(points, 20, "points");
            Require.positiveFinite(plotEta, "plotEta");
        }
    }

    /**
     * The exponents of ||h||_*^2 per unit SME time at one gamma.
     *
     * @param gamma the friction of the SME
     * @param eta the learning rate
     * @param regime the damping regime's label
     * @param printed2Mu 2 mu as printed
     * @param smeOffCentre the SME's exponent from the off-centre start
     * @param smeCentred the SME's exponent from the centred start
     * @param discreteOffCentre discrete ASGD's exponent from the off-centre start
     * @param discreteCentred discrete ASGD's exponent from the centred start
     */
    public record PerGamma(double gamma, double eta, String regime, double printed2Mu, double smeOffCentre,
            double smeCentred, double discreteOffCentre, double discreteCentred) {
    }

    /**
     * ||h(t)||_*^2 of the SME on an even time grid, for the plot.
     *
     * @param time SME times t
     * @param offCentre from the off-centre start
     * @param centred from the centred start
     * @param printedReference the centred start's value at 0 times exp(-2 (2 mu) t), mu the sharp rate
     * @param sharpReference the off-centre start's value at 0 times exp(-2 mu t)
     */
    public record Curves(double[] time, double[] offCentre, double[] centred, double[] printedReference,
            double[] sharpReference) {
    }

    /**
     * @param perGamma one entry per gamma
     * @param centredMaxRelDevFromPrinted max |smeCentred / printed - 1|
     * @param offCentreMaxDevFromHalfPrinted max |2 smeOffCentre / printed - 1|
     * @param discreteMaxRelDev max of |discreteCentred / printed - 1| and |2 discreteOffCentre / printed - 1|
     * @param curves the SME's curves at the plot's eta
     */
    public record Result(List<PerGamma> perGamma, double centredMaxRelDevFromPrinted,
            double offCentreMaxDevFromHalfPrinted, double discreteMaxRelDev, Curves curves) {
        /** Copies the list. */
        public Result {
            perGamma = List.copyOf(perGamma);
        }
    }

    /**
     * @param p the parameters
     * @return the exponents and the plotted curves
     */
    public static Result run(Parameters p) {
        List<PerGamma> rows = new ArrayList<>();
        double worstCentred = 0;
        double worstOff = 0;
        double worstDiscrete = 0;
        for (double g : p.gammas()) {
            PerGamma x = exponents(p.kappa(), p.omega0(), g, p.points());
            double printed = x.printed2Mu();
            worstCentred = Math.max(worstCentred, Agreement.relativeDeviation(x.smeCentred(), printed));
            worstOff = Math.max(worstOff, Agreement.relativeDeviation(2 * x.smeOffCentre(), printed));
            worstDiscrete = Math.max(worstDiscrete, Math.max(Agreement.relativeDeviation(x.discreteCentred(), printed),
                    Agreement.relativeDeviation(2 * x.discreteOffCentre(), printed)));
            rows.add(x);
        }
        return new Result(rows, worstCentred, worstOff, worstDiscrete, curves(p));
    }

    /**
     * @param kappa staleness rate
     * @param omega square root of the Hessian eigenvalue
     * @param gamma the friction (eta = (1 - kappa) / gamma^2, sigma = 1)
     * @param points records over the horizon 150 / mu
     * @return the four exponents at gamma
     */
    public static PerGamma exponents(double kappa, double omega, double gamma, int points) {
        double eta = (1 - kappa) / (gamma * gamma);
        SmeParameters sme = SmeParameters.of(eta, kappa, omega, 1);
        double printed = 2 * DecayRates.muPaper(sme.gamma(), omega);
        double tEnd = 150 / DecayRates.muSharp(sme.gamma(), omega); // horizon only; the rate is measured
        double[][] chi = smeLogChiSquare(sme, omega, tEnd, points);
        double spacing = tEnd / (points - 1);
        int window = points / 10;
        double smeOff = WindowDecay.exponent(chi[0], spacing, window);
        double smeCen = WindowDecay.exponent(chi[1], spacing, window);
        long steps = Math.round(tEnd / sme.deltaT());
        long every = Math.max(1, steps / points);
        int n = (int) (steps / every);
        double[] logMean2 = new double[n];
        double[] logDev2 = new double[n];
        GeometricStaleness law = new GeometricStaleness(kappa);
        // sigma = 0 and theta0 = 1: the off-centre start's mean and the centred start's second moment
        // (a centred start of variance 1 has the same second moments; its mean stays 0)
        ExactMoments moments = ExactMoments.of(new MomentProblem(eta, new double[] {omega}, new double[] {0},
                new double[] {1}, new double[] {0}, law));
        for (int j = 0; j < n; j++) {
            for (long k = 0; k < every; k++) {
                moments.step();
            }
            var point = moments.current();
            logMean2[j] = 2 * Math.log(Math.abs(point.mean()[0]));
            logDev2[j] = 2 * Math.log(point.secondMoment()); // sigma = 0: the deviation from equilibrium itself
        }
        double dSpacing = every * sme.deltaT();
        return new PerGamma(sme.gamma(), eta, DampingRegime.of(sme.gamma(), omega).label(), printed, smeOff, smeCen,
                WindowDecay.exponent(logMean2, dSpacing, n / 10), WindowDecay.exponent(logDev2, dSpacing, n / 10));
    }

    private static Curves curves(Parameters p) {
        SmeParameters p1 = SmeParameters.of(p.plotEta(), p.kappa(), p.omega0(), 1);
        int pts = PLOT_POINTS;
        double[][] chi = smeLogChiSquare(p1, p.omega0(), PLOT_TIME, pts);
        double[] t = new double[pts];
        double[] off = new double[pts];
        double[] cen = new double[pts];
        double[] printedRef = new double[pts];
        double[] sharpRef = new double[pts];
        double mu = DecayRates.muSharp(p1.gamma(), p.omega0());
        for (int j = 0; j < pts; j++) {
            t[j] = 0 + (PLOT_TIME - 0) * (pts == 1 ? 0 : j / (double) (pts - 1));
            off[j] = Math.exp(chi[0][j]);
            cen[j] = Math.exp(chi[1][j]);
            printedRef[j] = cen[0] * Math.exp(-2 * 2 * mu * t[j]);
            sharpRef[j] = off[0] * Math.exp(-2 * mu * t[j]);
        }
        return new Curves(t, off, cen, printedRef, sharpRef);
    }

    /**
     * @param p the SME's parameters
     * @param omega0 square root of the Hessian eigenvalue
     * @param tEnd the last time
     * @param points the number of times, evenly spaced from 0
     * @return ln ||h||_*^2 on the grid: [0] off-centre (mean at unit weighted distance), [1] centred
     *     (covariance half the stationary one)
     */
    public static double[][] smeLogChiSquare(SmeParameters p, double omega0, double tEnd, int points) {
        LinearSme sde = LinearSme.of(p, omega0);
        Matrix2 sigma = sde.stationaryCovariance();
        Matrix2 a = sde.drift();
        double scale = Math.sqrt(sigma.det() / sigma.d()); // m0 = (scale, 0): m0^T Sigma^-1 m0 = 1
        double[][] out = new double[2][points];
        Matrix2 zero = new Matrix2(0, 0, 0, 0);
        // exp(A t_j) by repeated multiplication with exp(A h): Matrix2.exp(t) overflows (cosh) for long times
        Matrix2 step = a.exp(tEnd / (points - 1));
        Matrix2 e = Matrix2.IDENTITY;
        for (int j = 0; j < points; j++) {
            if (j > 0) {
                e = e.times(step);
            }
            double[] m = e.apply(scale, 0);
            out[0][j] = Math.log(SmeDecay.chiSquare(m, zero, sigma));
            Matrix2 delta = e.times(sigma.times(-0.5)).times(e.transpose());
            out[1][j] = Math.log(SmeDecay.chiSquare(new double[] {0, 0}, delta, sigma));
        }
        return out;
    }
}
