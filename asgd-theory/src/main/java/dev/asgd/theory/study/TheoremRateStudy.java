package dev.asgd.theory.study;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.compare.Agreement;
import dev.asgd.theory.DiscreteMeanRate;
import dev.asgd.theory.ModeRate;
import dev.asgd.theory.meanmap.Grid;
import dev.asgd.theory.meanmap.MeanMapSpectrum;
import dev.asgd.theory.sme.SmeDecay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Theorem 3.2, (3.6): the decay exponent of ||h||_*^2 per unit SME time against the friction
 * gamma, at fixed kappa and omega0 with eta = (1 - kappa) / gamma^2, computed as printed (2 mu),
 * sharp (2 min Re eig Q), from the Lyapunov certificate (the largest c with K &gt;= c P), from the
 * exact discrete mean recursion (-2 ln rho / deltaT, closed form and Hipparchus eigenvalues) and
 * from the SME's exact transition (-2 ln rho(exp(A deltaT)) / deltaT), with their deviations from
 * the sharp rate.
 */
public final class TheoremRateStudy {
    private TheoremRateStudy() {
    }

    /**
     * @param kappa staleness rate in (0, 1)
     * @param omega0 square root of the Hessian eigenvalue, &gt; 0
     * @param gammas the frictions gamma, &gt; 0 (sigma = 1)
     */
    public record Parameters(double kappa, double omega0, double[] gammas) {
        /** Validates and copies. */
        public Parameters {
            if (!(kappa > 0 && kappa < 1)) {
                throw new InvalidParameterException("kappa", kappa, "0 < kappa < 1");
            }
            if (!(omega0 > 0 && omega0 < Double.POSITIVE_INFINITY)) {
                throw new InvalidParameterException("omega0", omega0, "omega0 > 0 and finite");
            }
            if (gammas == null || gammas.length == 0) {
                throw new InvalidParameterException("gammas", "(none)", "one or more gammas");
            }
            gammas = gammas.clone();
        }

        /**
         * A log-spaced grid of frictions with the critical point 2 omega0 inserted.
         *
         * @param kappa staleness rate in (0, 1)
         * @param omega0 square root of the Hessian eigenvalue, &gt; 0
         * @param from the smallest friction of the log-spaced grid
         * @param to the largest friction of the log-spaced grid
         * @param points points of the log-spaced grid (one more in the result)
         * @return the parameters with the sorted grid and 2 omega0
         */
        public static Parameters withCritical(double kappa, double omega0, double from, double to, int points) {
            double[] g = Grid.logspace(from, to, points);
            double[] out = Arrays.copyOf(g, g.length + 1);
            out[g.length] = 2 * omega0; // the critical point itself
            Arrays.sort(out);
            return new Parameters(kappa, omega0, out);
        }

        /**
         * @param gamma a friction
         * @return eta = (1 - kappa) / gamma^2
         */
        public double eta(double gamma) {
            return (1 - kappa) / (gamma * gamma);
        }
    }

    /**
     * Every exponent is of ||h||^2 (or the squared mean) per unit SME time, one entry per gamma.
     *
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @param gamma the frictions
     * @param eta the learning rates (1 - kappa) / gamma^2
     * @param regime the damping regime of each gamma
     * @param printed 2 mu as printed in (3.6)
     * @param sharp 2 min Re eig Q
     * @param certificate the largest c with K &gt;= c P
     * @param exactDiscrete -2 ln rho / deltaT of discrete ASGD's mean, closed form
     * @param exactDiscreteHipparchus the same from Hipparchus's eigenvalues of the mean map
     * @param sme -2 ln rho(exp(A deltaT)) / deltaT
     * @param printedOverDiscreteMin smallest printed / exactDiscrete
     * @param printedOverDiscreteMax largest printed / exactDiscrete
     * @param printedOverDiscreteMaxRelDev max(1 - printedOverDiscreteMin, printedOverDiscreteMax - 1)
     * @param maxRelDevDiscrete max |exactDiscrete / sharp - 1|
     * @param maxRelDevDiscreteAwayFromCritical the same without the gamma nearest 2 omega0
     * @param relDevDiscreteAtCritical |exactDiscrete / sharp - 1| at the gamma nearest 2 omega0
     * @param critical the index of the gamma nearest 2 omega0
     * @param maxRelDevSme max |sme / sharp - 1|
     * @param maxRelDevCertificate max |certificate / sharp - 1|
     * @param maxRelDevHipparchus max |exactDiscreteHipparchus / sharp - 1|
     */
    public record Result(double kappa, double omega0, double[] gamma, double[] eta, List<String> regime,
            double[] printed, double[] sharp, double[] certificate, double[] exactDiscrete,
            double[] exactDiscreteHipparchus, double[] sme, double printedOverDiscreteMin,
            double printedOverDiscreteMax, double printedOverDiscreteMaxRelDev, double maxRelDevDiscrete, double maxRelDevDiscreteAwayFromCritical,
            double relDevDiscreteAtCritical, int critical, double maxRelDevSme, double maxRelDevCertificate,
            double maxRelDevHipparchus) {
        /** Copies the list. */
        public Result {
            regime = List.copyOf(regime);
        }

        /**
         * @param rates one rate per gamma (NaN where not computed)
         * @return rates[i] / sharp[i]
         */
        public double[] overSharp(double[] rates) {
            if (rates.length != sharp.length) {
                throw new InvalidParameterException("rates", rates.length, "one rate per gamma (" + sharp.length + ")");
            }
            double[] r = new double[rates.length];
            for (int i = 0; i < rates.length; i++) {
                r[i] = rates[i] / sharp[i];
            }
            return r;
        }

        /** @return printed / sharp per gamma */
        public double[] printedOverSharp() {
            return overSharp(printed);
        }

        /** @return certificate / sharp per gamma */
        public double[] certificateOverSharp() {
            return overSharp(certificate);
        }

        /** @return exactDiscrete / sharp per gamma */
        public double[] exactDiscreteOverSharp() {
            return overSharp(exactDiscrete);
        }

        /** @return sme / sharp per gamma */
        public double[] smeOverSharp() {
            return overSharp(sme);
        }
    }

    /**
     * @param p the parameters
     * @return the rates and their deviations from the sharp one
     */
    public static Result run(Parameters p) {
        double[] gammas = p.gammas();
        int n = gammas.length;
        double kappa = p.kappa();
        double omega = p.omega0();
        double[] eta = new double[n];
        double[] printed = new double[n];
        double[] sharp = new double[n];
        double[] certificate = new double[n];
        double[] discrete = new double[n];
        double[] companion = new double[n];
        double[] sme = new double[n];
        List<String> regime = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            eta[i] = p.eta(gammas[i]);
            ModeRate r = ModeRate.of(eta[i], kappa, omega, 1);
            double dt = r.sme().deltaT();
            regime.add(r.regime().label());
            printed[i] = 2 * r.muPaper();
            sharp[i] = 2 * r.muSharp();
            certificate[i] = r.lyapunov().largestC();
            discrete[i] = -2 * Math.log(DiscreteMeanRate.contractionPerStep(eta[i], kappa, omega)) / dt;
            companion[i] = -2 * Math.log(MeanMapSpectrum.of(eta[i], kappa, omega).radius()) / dt;
            sme[i] = SmeDecay.decayPerUnitTime(eta[i], kappa, omega);
        }
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            ratio[i] = printed[i] / discrete[i];
        }
        int crit = nearest(gammas, 2 * omega);
        double devAway = 0;
        for (int i = 0; i < n; i++) {
            if (i != crit) {
                devAway = Math.max(devAway, Agreement.relativeDeviation(discrete[i], sharp[i]));
            }
        }
        double rMin = Arrays.stream(ratio).min().orElse(Double.NaN);
        double rMax = Arrays.stream(ratio).max().orElse(Double.NaN);
        return new Result(kappa, omega, gammas.clone(), eta, regime, printed, sharp, certificate, discrete, companion,
                sme, rMin, rMax, Math.max(1 - rMin, rMax - 1),
                Agreement.maxRelativeDeviation(discrete, sharp), devAway,
                Agreement.relativeDeviation(discrete[crit], sharp[crit]), crit,
                Agreement.maxRelativeDeviation(sme, sharp), Agreement.maxRelativeDeviation(certificate, sharp),
                Agreement.maxRelativeDeviation(companion, sharp));
    }

    /**
     * @param x positive values
     * @param v a positive value
     * @return the index of the entry of x nearest v on a log scale (the first of ties)
     */
    public static int nearest(double[] x, double v) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (Math.abs(Math.log(x[i] / v)) < Math.abs(Math.log(x[best] / v))) {
                best = i;
            }
        }
        return best;
    }
}
