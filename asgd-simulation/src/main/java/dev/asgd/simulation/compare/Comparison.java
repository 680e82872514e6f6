package dev.asgd.simulation.compare;

import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.simulation.SeriesPoint;
import java.util.List;

/**
 * One SME-versus-ASGD comparison: the three series, the weak error of the SME against the best
 * ASGD reference available, a check of the Monte Carlo against the exact moments, the stationary
 * second moments, ASGD's stability and the verdict.
 *
 * @param config what was compared
 * @param exactAsgd exact discrete moments (null for a perturbed loss or dependent staleness)
 * @param monteCarloAsgd the Monte Carlo ASGD ensemble (null when not run or when it diverged)
 * @param monteCarloFailure why the Monte Carlo stopped (divergence), or null
 * @param sme the SME's series (exact moments for the quadratic, else an ensemble)
 * @param smeSource how the SME's series was obtained
 * @param reference which ASGD series the weak error is measured against
 * @param weakError the SME's weak error over the horizon (null when ASGD has no usable series)
 * @param monteCarloMaxZ largest |z| of the Monte Carlo ASGD against the exact moments (NaN when either is missing)
 * @param stationary the stationary second moments (null when ASGD's diverges)
 * @param secondMomentFactorPerStep ASGD's exact second-moment spectral radius (NaN when not exact)
 * @param secondMomentEtaMax ASGD's exact second-moment stability limit in eta (NaN when not exact)
 * @param verdict whether the SME tracks ASGD
 */
public record Comparison(CompareConfig config, List<SeriesPoint> exactAsgd, List<SeriesPoint> monteCarloAsgd,
        String monteCarloFailure, List<SeriesPoint> sme, String smeSource, String reference, WeakError weakError,
        double monteCarloMaxZ, Stationary stationary, double secondMomentFactorPerStep, double secondMomentEtaMax,
        Verdict verdict) {

    /**
     * Refuses an SME series that left the double range (the SME's exact moments of a far start or a
     * large noise overflow before ASGD's do).
     *
     * @return this comparison, whose SME second moments are all finite
     * @throws NumericalDivergenceException at the first SME record whose second moment is not finite
     */
    public Comparison requireFiniteSme() {
        for (SeriesPoint s : sme) {
            if (!Double.isFinite(s.secondMoment())) {
                throw new NumericalDivergenceException(s.step(), "the SME's second moment (" + smeSource + ")",
                        s.secondMoment(), "not finite: it left the double range (theta0 or sigma too large?)");
            }
        }
        return this;
    }
}
