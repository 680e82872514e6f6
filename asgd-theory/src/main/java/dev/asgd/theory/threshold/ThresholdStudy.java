package dev.asgd.theory.threshold;

import dev.asgd.core.Require;
import dev.asgd.core.compare.Agreement;
import dev.asgd.theory.DecayRates;
import dev.asgd.theory.DiscreteMeanRate;
import dev.asgd.theory.SmeParameters;
import dev.asgd.theory.meanmap.EigenvalueKindBisection;
import dev.asgd.theory.meanmap.Grid;
import dev.asgd.theory.meanmap.MeanMapSpectrum;
import dev.asgd.theory.meanmap.SmeMeanTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Remark 3.3, (3.7), first observation: the decay per ASGD step against the learning rate at
 * kappa = 0.5, 0.9, 0.99 (omega0 = 1). Above the threshold the rate depends on kappa only; below it,
 * it slows as eta decreases. The thresholds are computed in closed form and by bisection on where
 * the eigenvalues of the exact discrete mean map (Hipparchus) and of the SME's exact transition
 * exp(A deltaT) turn complex.
 */
public final class ThresholdStudy {
    /** The staleness rates of the study. */
    public static final double[] KAPPAS = {0.5, 0.9, 0.99};
    /** The Hessian eigenvalue's square root. */
    public static final double OMEGA = 1;

    private ThresholdStudy() {
    }

    /**
     * @param points learning rates per kappa (log grid from 1e-4 to 0.9 of the end of the plateau)
     * @param progress told the number of kappas done
     * @return the rates, thresholds and the checks of the observation
     */
    public static ThresholdComparison run(int points, IntConsumer progress) {
        Require.atLeast(points, 2, "points");
        List<ThresholdComparison.PerKappa> perKappa = new ArrayList<>();
        double worstPlateau = 0;
        double worstThreshold = 0;
        int monotoneViolations = 0;
        int belowPoints = 0;
        int done = 0;
        for (double kappa : KAPPAS) {
            int n = points;
            double etaHi = 0.9 * DiscreteMeanRate.etaWindowUpper(kappa, OMEGA);
            double[] eta = Grid.logspace(1e-4, etaHi, n);
            double[] discrete = new double[n];
            double[] sme = new double[n];
            double[] printed = new double[n];
            for (int i = 0; i < n; i++) {
                discrete[i] = -2 * Math.log(DiscreteMeanRate.contractionPerStep(eta[i], kappa, OMEGA));
                sme[i] = SmeMeanTransition.decayPerStep(eta[i], kappa, OMEGA);
                SmeParameters p = SmeParameters.of(eta[i], kappa, OMEGA, 0);
                printed[i] = 2 * DecayRates.muPaper(p.gamma(), OMEGA) * p.deltaT();
            }
            double printedThreshold = DiscreteMeanRate.etaThresholdPaper(kappa, OMEGA);
            double exactThreshold = DiscreteMeanRate.etaThresholdExact(kappa, OMEGA);
            double discreteBisect = EigenvalueKindBisection.threshold(1e-8, etaHi,
                    e -> MeanMapSpectrum.of(e, kappa, OMEGA).complex());
            double smeBisect = EigenvalueKindBisection.threshold(1e-8, etaHi,
                    e -> SmeMeanTransition.complex(e, kappa, OMEGA));
            worstThreshold = Math.max(worstThreshold,
                    Math.max(Agreement.relativeDeviation(discreteBisect, exactThreshold),
                            Agreement.relativeDeviation(smeBisect, printedThreshold)));
            // above the exact threshold the contraction is sqrt(kappa) (closed form and Hipparchus)
            double plateau = 0;
            for (int i = 0; i < n; i++) {
                if (eta[i] > exactThreshold * 1.001) {
                    plateau = Math.max(plateau, Agreement.relativeDeviation(
                            DiscreteMeanRate.contractionPerStep(eta[i], kappa, OMEGA), Math.sqrt(kappa)));
                    plateau = Math.max(plateau, Agreement.relativeDeviation(
                            MeanMapSpectrum.of(eta[i], kappa, OMEGA).radius(), Math.sqrt(kappa)));
                }
            }
            worstPlateau = Math.max(worstPlateau, plateau);
            // below the threshold the rate falls as eta decreases
            for (int i = 1; i < n; i++) {
                if (eta[i] < exactThreshold) {
                    belowPoints++;
                    monotoneViolations += discrete[i] > discrete[i - 1] ? 0 : 1;
                }
                if (eta[i] < printedThreshold) {
                    belowPoints++;
                    monotoneViolations += sme[i] > sme[i - 1] ? 0 : 1;
                }
            }
            perKappa.add(new ThresholdComparison.PerKappa(kappa, eta, discrete, sme, printed, printedThreshold,
                    smeBisect, exactThreshold, discreteBisect, -Math.log(kappa), 2 * (1 - kappa), plateau));
            if (progress != null) {
                progress.accept(++done);
            }
        }
        return new ThresholdComparison(OMEGA, perKappa, worstPlateau, belowPoints, monotoneViolations, worstThreshold);
    }
}
