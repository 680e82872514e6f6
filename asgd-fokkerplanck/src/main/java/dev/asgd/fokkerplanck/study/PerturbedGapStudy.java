package dev.asgd.fokkerplanck.study;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.theory.study.PerturbationStudy;
import java.util.function.IntConsumer;

/**
 * Theorem 3.2 with a perturbation eps0 sin(theta), by the Fokker-Planck solver: twice the spectral
 * gap of the nonlinear problem at every stride-th eps0 (and the last), and the theorem's bounds
 * ({@link PerturbationStudy}) checked against the computed rate, the smaller of the SME's
 * linearised rate and the gap where both exist.
 */
public final class PerturbedGapStudy {
    /** Relative slack of the sharp bound's check (rounding of rates equal in theory). */
    public static final double SHARP_SLACK = 1e-9;

    private PerturbedGapStudy() {
    }

    /**
     * @param theory the perturbation study's parameters
     * @param stride the gap is computed at every stride-th eps0 and at the last
     * @param degree the Hermite truncation degree
     */
    public record Parameters(PerturbationStudy.Parameters theory, int stride, int degree) {
        /** Validates. */
        public Parameters {
            if (theory == null) {
                throw new InvalidParameterException("theory", null, "the perturbation study's parameters");
            }
            if (stride < 1) {
                throw new InvalidParameterException("stride", stride, "stride >= 1");
            }
        }
    }

    /**
     * @param fokkerPlanck twice the gap per eps0, NaN where not computed
     * @param sharpBoundViolations points where the sharp bound exceeds the computed rate (1 + 1e-9)
     * @param printedBoundViolations points where the printed bound exceeds the computed rate
     * @param printedViolatedUpTo the largest eps0 with a printed violation (0 if none)
     * @param change fokkerPlanck at the largest eps0 over that at the smallest, minus 1
     */
    public record Result(double[] fokkerPlanck, int sharpBoundViolations, int printedBoundViolations,
            double printedViolatedUpTo, double change) {
    }

    /**
     * @param p the parameters
     * @param theory the theory's result for the same parameters
     * @param progress told the number of eps0 done (may be null)
     * @return the gaps and the bound checks
     */
    public static Result run(Parameters p, PerturbationStudy.Result theory, IntConsumer progress) {
        PerturbationStudy.Parameters t = p.theory();
        double[] eps0 = t.eps0();
        int n = eps0.length;
        double[] fp = new double[n];
        int sharpViolations = 0;
        int printedViolations = 0;
        double printedViolatedUpTo = 0;
        for (int i = 0; i < n; i++) {
            fp[i] = i % p.stride() == 0 || i == n - 1
                    ? 2 * FokkerPlanckRates.spectralGap(t.eta(), t.kappa(), t.omega0(), t.sigma(), t.perturbation(i),
                            p.degree())
                    : Double.NaN;
            // the theorem is about the SME / Fokker-Planck level; the discrete rate is shown beside it
            double sme = theory.smeLinearised()[i];
            double measured = Double.isNaN(fp[i]) ? sme : Math.min(sme, fp[i]);
            if (theory.boundSharp()[i] > measured * (1 + SHARP_SLACK)) {
                sharpViolations++;
            }
            if (theory.boundPrinted()[i] > measured) {
                printedViolations++;
                printedViolatedUpTo = eps0[i];
            }
            if (progress != null) {
                progress.accept(i + 1);
            }
        }
        return new Result(fp, sharpViolations, printedViolations, printedViolatedUpTo, fp[n - 1] / fp[0] - 1);
    }
}
