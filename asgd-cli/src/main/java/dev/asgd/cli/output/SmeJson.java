package dev.asgd.cli.output;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.asgd.simulation.sde.ExactSmeCheck;
import dev.asgd.simulation.sde.SdeConfig;
import dev.asgd.simulation.sde.SdeResult;
import java.util.List;

/**
 * The JSON of {@code asgd sme}: an SME ensemble and, on the unperturbed quadratic, its exact moments.
 *
 * @param params the model and the run
 * @param sme the SME's parameters
 * @param series the ensemble's records
 * @param exact the exact moments and the ensemble's deviation from them (null when perturbed)
 * @param performance timing
 */
public record SmeJson(Params params, SmeSection sme, List<SeriesRecord> series, Exact exact,
        Performance performance) {

    /**
     * @param model the model's parameters
     * @param sme the SME's parameters
     * @param result the ensemble
     * @param check the exact moments, or null
     * @return the view
     */
    public static SmeJson of(ModelParams model, SmeSection sme, SdeResult result, ExactSmeCheck check) {
        SdeConfig c = result.config();
        Params params = new Params(model, c.steps(), c.every(), c.runs(), c.seed(), c.scheme().label(), c.dt(),
                c.substeps(), c.divergenceBound(), c.quantileLevels());
        Exact exact = check == null ? null : new Exact(SeriesRecord.of(check.series(), new double[0]),
                check.stationarySecondMoment(), check.stationarySecondMomentPerCoordinate(),
                check.stationaryCovariance(), check.ensembleMaxAbsZ());
        return new SmeJson(params, sme,
                SeriesRecord.of(result.series(), c.quantileLevels()), exact,
                new Performance(result.seconds(), result.chainSteps(), result.chainStepsPerSecond(), result.threads()));
    }

    /**
     * The model's keys, then the run's.
     *
     * @param model the model (its keys come first, unwrapped)
     * @param steps K
     * @param every record interval
     * @param runs paths
     * @param seed the seed
     * @param scheme the scheme's label
     * @param dt the SME step
     * @param substeps SME steps per ASGD step
     * @param divergenceBound where a path counts as diverged
     * @param quantiles the quantile levels
     */
    public record Params(@JsonUnwrapped ModelParams model, long steps, long every, int runs, long seed,
            String scheme, double dt, int substeps, double divergenceBound, double[] quantiles) {
    }

    /**
     * {@link ExactSmeCheck} with its series as JSON records.
     *
     * @param series the exact records
     * @param stationarySecondMoment lim E |Theta - theta*|^2
     * @param stationarySecondMomentPerCoordinate per coordinate
     * @param stationaryCovariance per coordinate, 2 x 2
     * @param ensembleMaxAbsZ the ensemble's largest |z| against the exact records
     */
    public record Exact(List<SeriesRecord> series, double stationarySecondMoment,
            double[] stationarySecondMomentPerCoordinate, List<double[][]> stationaryCovariance,
            double ensembleMaxAbsZ) {
    }

    /**
     * Timing.
     *
     * @param seconds wall time
     * @param smeSteps SME steps taken
     * @param smeStepsPerSecond their rate
     * @param threads threads used
     */
    public record Performance(double seconds, long smeSteps, double smeStepsPerSecond, int threads) {
    }
}
