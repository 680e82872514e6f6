package dev.asgd.cli;

import dev.asgd.cli.output.SmeJson;
import dev.asgd.cli.output.SmeSection;
import dev.asgd.simulation.SeriesPoint;
import dev.asgd.simulation.sde.ExactSmeCheck;
import dev.asgd.simulation.sde.SdeConfig;
import dev.asgd.simulation.sde.SdeResult;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Renders an SME ensemble (and the exact SME moments of the quadratic, {@link ExactSmeCheck}) in the three formats. */
final class SmeReport implements CommandOutput {
    private final SmeModel model;
    private final SdeResult result;
    private final ExactSmeCheck exact;

    /**
     * @param model the model
     * @param result the ensemble
     * @param exact the exact SME moments at the ensemble's records, or null (perturbed)
     */
    SmeReport(SmeModel model, SdeResult result, List<SeriesPoint> exact) {
        this.model = model;
        this.result = result;
        this.exact = exact == null ? null : ExactSmeCheck.of(model.problem, exact, result.series());
    }

    @Override
    public SmeJson toJson() {
        return SmeJson.of(model.builder.params(),
                SmeSection.ofScheme(model.kappa, model.problem, result.config().scheme()), result, exact);
    }

    @Override
    public String toCsv() {
        return SeriesOutput.csv(result.series(), result.config().quantileLevels());
    }

    @Override
    public String toText() {
        SdeConfig c = result.config();
        var p = model.problem;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "asgd sme: %d paths x %d steps, scheme %s, dt %.6g (%d per ASGD step)%n",
                c.runs(), c.steps(), c.scheme().label(), c.dt(), c.substeps()));
        sb.append(String.format(Locale.ROOT, "  eta %s, kappa %s, omega0 %s, perturbation %s: deltaT %.6g, gamma %.6g,"
                + " tau %s%n", p.eta(), model.kappa, Arrays.toString(p.omega0()), p.loss().perturbation().spec(),
                p.deltaT(), p.gamma(), Arrays.toString(p.tau())));
        SeriesPoint last = result.last();
        sb.append(String.format(Locale.ROOT, "  step %d (t = %.6g): E|Theta - theta*|^2 = %.6g +- %.2g, mean %s%n",
                last.step(), last.time(), last.secondMoment(), last.secondMomentStdErr(),
                Arrays.toString(last.mean())));
        if (exact != null) {
            SeriesPoint e = exact.series().get(exact.series().size() - 1);
            sb.append(String.format(Locale.ROOT, "  exact SME at step %d: E|Theta - theta*|^2 = %.6g; stationary %.6g;"
                    + " ensemble vs exact max |z| %.3g%n", e.step(), e.secondMoment(),
                    exact.stationarySecondMoment(), exact.ensembleMaxAbsZ()));
        }
        sb.append(String.format(Locale.ROOT, "  %.3g SME steps/s (%.3f s, %d threads)%n", result.chainStepsPerSecond(),
                result.seconds(), result.threads()));
        return sb.toString();
    }
}
