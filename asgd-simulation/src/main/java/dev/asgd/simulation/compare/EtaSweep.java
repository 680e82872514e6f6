package dev.asgd.simulation.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * How the SME's weak error shrinks as eta decreases: one comparison per eta, by default over the
 * same gradient-flow time eta K ({@link CompareConfig#atEta}), or over horizons given per eta
 * (e.g. a fixed SME time), and the fitted order of each error
 * (log-log slope with a t interval). Learning rates where ASGD's second moment diverges are
 * reported and left out of the fits. For the unperturbed quadratic every row is exact (no Monte
 * Carlo); otherwise each row runs both ensembles.
 *
 * @param rows one comparison per eta, in the order given
 * @param meanOrder order of the largest mean error over the horizon
 * @param secondMomentOrder order of the largest second-moment error over the horizon
 * @param stationaryOrder order of the absolute stationary second-moment error
 * @param stationaryRelativeOrder order of the relative stationary second-moment error
 */
public record EtaSweep(List<Comparison> rows, OrderFit meanOrder, OrderFit secondMomentOrder,
        OrderFit stationaryOrder, OrderFit stationaryRelativeOrder) {

    /** Copies the list. */
    public EtaSweep {
        rows = List.copyOf(rows);
    }

    /**
     * @param base the comparison at the base eta (its eta K and every eta fix the horizon)
     * @param etas the learning rates
     * @param confidence level of the order intervals
     * @param progress told the rows done (may be null)
     * @return the sweep
     */
    public static EtaSweep run(CompareConfig base, double[] etas, double confidence, LongConsumer progress) {
        List<CompareConfig> configs = new ArrayList<>();
        for (double eta : etas) {
            configs.add(base.atEta(eta));
        }
        return run(configs, confidence, progress);
    }

    /**
     * The sweep over comparisons given one by one (any horizon and record interval per eta, e.g.
     * a fixed SME time K deltaT with a single record at its end).
     *
     * @param configs one comparison per eta
     * @param confidence level of the order intervals
     * @param progress told the rows done (may be null)
     * @return the sweep
     */
    public static EtaSweep run(List<CompareConfig> configs, double confidence, LongConsumer progress) {
        List<Comparison> rows = new ArrayList<>();
        for (CompareConfig c : configs) {
            rows.add(SmeComparison.run(c, false, null));
            if (progress != null) {
                progress.accept(rows.size());
            }
        }
        int n = rows.size();
        double[] x = new double[n];
        double[] mean = new double[n];
        double[] m2 = new double[n];
        double[] stat = new double[n];
        double[] rel = new double[n];
        for (int i = 0; i < n; i++) {
            Comparison c = rows.get(i);
            x[i] = c.config().eta();
            boolean usable = c.stationary() != null && c.weakError() != null;
            mean[i] = usable ? c.weakError().meanMax() : Double.NaN;
            m2[i] = usable ? c.weakError().secondMomentMax() : Double.NaN;
            stat[i] = usable ? c.stationary().absoluteError() : Double.NaN;
            rel[i] = usable ? Math.abs(c.stationary().relativeError()) : Double.NaN;
        }
        return new EtaSweep(rows, OrderFit.fit(x, mean, confidence), OrderFit.fit(x, m2, confidence),
                OrderFit.fit(x, stat, confidence), OrderFit.fit(x, rel, confidence));
    }
}
