package dev.asgd.cli.output;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.asgd.simulation.compare.CompareConfig;
import dev.asgd.simulation.compare.Comparison;
import dev.asgd.simulation.compare.EtaSweep;
import dev.asgd.simulation.compare.OrderFit;
import dev.asgd.simulation.compare.Stationary;
import dev.asgd.simulation.compare.Verdict;
import dev.asgd.simulation.compare.WeakError;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of {@code asgd compare}: the comparison's keys at the top level, then the three series
 * and the eta sweep.
 *
 * @param params the model and the run
 * @param sme the SME's parameters and how its series was obtained
 * @param comparison the comparison (its keys are unwrapped into this object)
 * @param series the three series
 * @param sweep the eta sweep, null without --sweep-eta
 */
public record CompareJson(Params params, SmeSection sme, @JsonUnwrapped ComparisonJson comparison, Series series,
        Sweep sweep) {

    /**
     * @param model the model's parameters
     * @param sme the SME's parameters
     * @param c the comparison
     * @param sweep the sweep, or null
     * @param horizonRule how each learning rate's horizon is chosen
     * @return the view
     */
    public static CompareJson of(ModelParams model, SmeSection sme, Comparison c, EtaSweep sweep,
            String horizonRule) {
        CompareConfig k = c.config();
        Params params = new Params(model, k.steps(), k.every(), k.runs(), k.seed(), k.scheme().label(),
                k.substeps(), k.tolerance());
        double[] none = new double[0];
        Series series = new Series(c.exactAsgd() == null ? null : SeriesRecord.of(c.exactAsgd(), none),
                c.monteCarloAsgd() == null ? null : SeriesRecord.of(c.monteCarloAsgd(), none),
                SeriesRecord.of(c.sme(), none));
        return new CompareJson(params, sme, ComparisonJson.of(c), series,
                sweep == null ? null : Sweep.of(sweep, horizonRule));
    }

    /**
     * The model's keys, then the run's.
     *
     * @param model the model (unwrapped)
     * @param steps K
     * @param every record interval
     * @param runs Monte Carlo chains and SME paths
     * @param seed the seed
     * @param scheme the SME scheme's label
     * @param substeps SME steps per ASGD step
     * @param tolerance the verdict's relative tolerance
     */
    public record Params(@JsonUnwrapped ModelParams model, long steps, long every, int runs, long seed,
            String scheme, int substeps, double tolerance) {
    }

    /**
     * One comparison's findings (also each sweep row's).
     *
     * @param reference which ASGD series the SME is compared with
     * @param weakError the weak errors, null when ASGD is unstable
     * @param stationary the stationary second moments, null when there is none
     * @param asgd ASGD's own rates
     * @param verdict whether the SME tracks ASGD, and why
     */
    public record ComparisonJson(String reference, WeakErrors weakError, StationaryJson stationary, Asgd asgd,
            Verdict verdict) {
        static ComparisonJson of(Comparison c) {
            WeakError w = c.weakError();
            WeakErrors e = w == null ? null : new WeakErrors(
                    new ErrorJson(w.meanMax(), w.meanMaxStep(), w.meanStdErr(), w.meanScale(), w.meanRelative(),
                            w.meanResolved()),
                    new ErrorJson(w.secondMomentMax(), w.secondMomentMaxStep(), w.secondMomentStdErr(),
                            w.secondMomentScale(), w.secondMomentRelative(), w.secondMomentResolved()));
            Stationary s = c.stationary();
            StationaryJson st = s == null ? null : new StationaryJson(s.asgd(), s.asgdStdErr(), s.asgdSource(),
                    s.sme(), s.smeStdErr(), s.smeSource(), s.absoluteError(), s.relativeError(), s.stdErr(),
                    s.resolved());
            return new ComparisonJson(c.reference(), e, st, new Asgd(c.secondMomentFactorPerStep(),
                    c.secondMomentEtaMax(), c.monteCarloFailure(), c.monteCarloMaxZ()), c.verdict());
        }
    }

    /**
     * The weak errors of the mean and the second moment.
     *
     * @param mean of the mean
     * @param secondMoment of the second moment
     */
    public record WeakErrors(ErrorJson mean, ErrorJson secondMoment) {
    }

    /**
     * One weak error over the horizon ({@link WeakError}).
     *
     * @param max the largest error
     * @param step where it occurs
     * @param stdErr its Monte Carlo standard error
     * @param scale the scale it is relative to
     * @param relative max / scale
     * @param resolved whether it exceeds its noise
     */
    public record ErrorJson(double max, long step, double stdErr, double scale, double relative, boolean resolved) {
    }

    /**
     * {@link Stationary} with its derived errors.
     *
     * @param asgd ASGD's stationary second moment
     * @param asgdStdErr its standard error
     * @param asgdSource how it was obtained
     * @param sme the SME's
     * @param smeStdErr its standard error
     * @param smeSource how it was obtained
     * @param absoluteError |sme - asgd|
     * @param relativeError (sme - asgd) / asgd
     * @param stdErr standard error of the difference
     * @param resolved whether the difference exceeds its noise
     */
    public record StationaryJson(double asgd, double asgdStdErr, String asgdSource, double sme, double smeStdErr,
            String smeSource, double absoluteError, double relativeError, double stdErr, boolean resolved) {
    }

    /**
     * ASGD's exact second-moment rate and the Monte Carlo check.
     *
     * @param secondMomentFactorPerStep the second moment's factor per step
     * @param secondMomentEtaMax the learning rate where it reaches 1
     * @param monteCarloFailure why the Monte Carlo run failed, or null
     * @param monteCarloVsExactMaxAbsZ the Monte Carlo run's largest |z| against the exact moments
     */
    public record Asgd(double secondMomentFactorPerStep, double secondMomentEtaMax, String monteCarloFailure,
            double monteCarloVsExactMaxAbsZ) {
    }

    /**
     * The three series (null where not computed).
     *
     * @param exactAsgd ASGD's exact moments
     * @param monteCarloAsgd ASGD's Monte Carlo ensemble
     * @param sme the SME's
     */
    public record Series(List<SeriesRecord> exactAsgd, List<SeriesRecord> monteCarloAsgd, List<SeriesRecord> sme) {
    }

    /**
     * The eta sweep.
     *
     * @param horizonRule how each rate's horizon is chosen
     * @param rows one comparison per rate
     * @param orders the fitted orders in eta
     */
    public record Sweep(String horizonRule, List<SweepRow> rows, Orders orders) {
        static Sweep of(EtaSweep sweep, String horizonRule) {
            List<SweepRow> rows = new ArrayList<>();
            for (Comparison r : sweep.rows()) {
                rows.add(new SweepRow(r.config().eta(), r.config().steps(), r.config().every(),
                        r.config().etaOmega2(), ComparisonJson.of(r)));
            }
            return new Sweep(horizonRule, rows, new Orders(Fit.of(sweep.meanOrder()),
                    Fit.of(sweep.secondMomentOrder()), Fit.of(sweep.stationaryOrder()),
                    Fit.of(sweep.stationaryRelativeOrder())));
        }
    }

    /**
     * One learning rate of the sweep.
     *
     * @param eta the rate
     * @param steps its horizon
     * @param every its record interval
     * @param etaOmega2 eta times the largest omega0^2
     * @param comparison its comparison (unwrapped)
     */
    public record SweepRow(double eta, long steps, long every, double etaOmega2,
            @JsonUnwrapped ComparisonJson comparison) {
    }

    /**
     * The fitted orders in eta (null where too few rates had a stable ASGD).
     *
     * @param meanError of the mean's weak error
     * @param secondMomentError of the second moment's
     * @param stationaryAbsoluteError of the stationary second moment's absolute error
     * @param stationaryRelativeError of its relative error
     */
    public record Orders(Fit meanError, Fit secondMomentError, Fit stationaryAbsoluteError,
            Fit stationaryRelativeError) {
    }

    /**
     * An {@link OrderFit} in the order of its JSON keys.
     *
     * @param order the fitted order
     * @param stdErr its standard error
     * @param confidence the interval's level
     * @param low the interval's lower end
     * @param high its upper end
     * @param points the learning rates fitted
     */
    public record Fit(double order, double stdErr, double confidence, double low, double high, int points) {
        static Fit of(OrderFit f) {
            return f == null ? null : new Fit(f.order(), f.stdErr(), f.confidence(), f.low(), f.high(), f.points());
        }
    }
}
