package dev.asgd.fokkerplanck.study;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.compare.Agreement;
import dev.asgd.theory.DecayRates;
import dev.asgd.theory.SmeParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Which initial data attain the printed mu, by the Fokker-Planck solver: the measured decay of
 * ||h||_*^2 per unit SME time from a centred start (covariance displaced: degree-2 modes) and from
 * an off-centre start (mean displaced: degree-1 modes), against the printed 2 mu (centred) and half
 * of it (off-centre).
 */
public final class InitialDecayStudy {
    private InitialDecayStudy() {
    }

    /**
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @param sigma noise
     * @param gammas frictions (eta = (1 - kappa) / gamma^2)
     */
    public record Parameters(double kappa, double omega0, double sigma, double[] gammas) {
        /** Validates and copies. */
        public Parameters {
            if (gammas == null || gammas.length == 0) {
                throw new InvalidParameterException("gammas", "(none)", "one or more gammas");
            }
            gammas = gammas.clone();
        }
    }

    /**
     * @param gamma the SME's friction
     * @param printed2Mu 2 mu as printed
     * @param centred the measured exponent from the centred start
     * @param offCentre the measured exponent from the off-centre start
     */
    public record PerGamma(double gamma, double printed2Mu, double centred, double offCentre) {
    }

    /**
     * @param perGamma one per gamma
     * @param maxRelDev max over gamma of |centred / printed - 1| and |2 offCentre / printed - 1|
     */
    public record Result(List<PerGamma> perGamma, double maxRelDev) {
        /** Copies the list. */
        public Result {
            perGamma = List.copyOf(perGamma);
        }
    }

    /**
     * @param p the parameters
     * @param progress told the number of gammas done (may be null)
     * @return the measured exponents
     */
    public static Result run(Parameters p, IntConsumer progress) {
        List<PerGamma> rows = new ArrayList<>();
        double worst = 0;
        for (double g : p.gammas()) {
            double eta = (1 - p.kappa()) / (g * g);
            SmeParameters sme = SmeParameters.of(eta, p.kappa(), p.omega0(), p.sigma());
            double printed = 2 * DecayRates.muPaper(sme.gamma(), p.omega0());
            double cen = FokkerPlanckRates.measuredDecay(eta, p.kappa(), p.omega0(), p.sigma(), true);
            double off = FokkerPlanckRates.measuredDecay(eta, p.kappa(), p.omega0(), p.sigma(), false);
            worst = Math.max(worst, Math.max(Agreement.relativeDeviation(cen, printed),
                    Agreement.relativeDeviation(2 * off, printed)));
            rows.add(new PerGamma(sme.gamma(), printed, cen, off));
            if (progress != null) {
                progress.accept(rows.size());
            }
        }
        return new Result(rows, worst);
    }
}
