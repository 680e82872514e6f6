package dev.asgd.cli;

import dev.asgd.simulation.SeriesPoint;
import dev.asgd.simulation.sde.SdeConfig;
import dev.asgd.simulation.sde.SdeResult;
import dev.asgd.simulation.sde.SmeMoments;
import dev.asgd.theory.sme.Matrix2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders an SME ensemble (and the exact SME moments of the quadratic) in the three formats. */
final class SmeReport implements CommandOutput {
    private final SmeModel model;
    private final SdeResult result;
    private final List<SeriesPoint> exact;

    SmeReport(SmeModel model, SdeResult result, List<SeriesPoint> exact) {
        this.model = model;
        this.result = result;
        this.exact = exact;
    }

    /** Largest |z| of the ensemble's means and second moments against the exact SME moments (records after 0). */
    double maxAbsZ() {
        double z = 0;
        for (int r = 1; r < exact.size(); r++) {
            SeriesPoint e = exact.get(r);
            SeriesPoint p = result.series().get(r);
            z = Math.max(z, Math.abs(p.secondMoment() - e.secondMoment()) / p.secondMomentStdErr());
            for (int i = 0; i < e.mean().length; i++) {
                z = Math.max(z, Math.abs(p.mean()[i] - e.mean()[i]) / p.meanStdErr()[i]);
            }
        }
        return z;
    }

    @Override
    public Map<String, Object> toJson() {
        SdeConfig c = result.config();
        Map<String, Object> params = model.builder.params();
        params.put("steps", c.steps());
        params.put("every", c.every());
        params.put("runs", c.runs());
        params.put("seed", c.seed());
        params.put("scheme", c.scheme().label());
        params.put("dt", c.dt());
        params.put("substeps", c.substeps());
        params.put("divergenceBound", c.divergenceBound());
        params.put("quantiles", c.quantileLevels());
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("params", params);
        Map<String, Object> sme = model.smeJson();
        sme.put("schemeWeakOrder", c.scheme().weakOrder() == Integer.MAX_VALUE ? "exact" : c.scheme().weakOrder());
        j.put("sme", sme);
        j.put("series", SeriesOutput.json(result.series(), c.quantileLevels()));
        if (exact != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("series", SeriesOutput.json(exact, new double[0]));
            e.put("stationarySecondMoment", SmeMoments.stationarySecondMoment(model.problem));
            e.put("stationarySecondMomentPerCoordinate", SmeMoments.stationarySecondMomentPerCoordinate(model.problem));
            List<double[][]> cov = new ArrayList<>();
            for (int i = 0; i < model.problem.dimension(); i++) {
                Matrix2 s = model.problem.linearSme(i).stationaryCovariance();
                cov.add(s.toArray());
            }
            e.put("stationaryCovariance", cov);
            e.put("ensembleMaxAbsZ", maxAbsZ());
            j.put("exact", e);
        } else {
            j.put("exact", null);
        }
        Map<String, Object> perf = new LinkedHashMap<>();
        perf.put("seconds", result.seconds());
        perf.put("smeSteps", result.chainSteps());
        perf.put("smeStepsPerSecond", result.chainStepsPerSecond());
        perf.put("threads", result.threads());
        j.put("performance", perf);
        return j;
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
            SeriesPoint e = exact.get(exact.size() - 1);
            sb.append(String.format(Locale.ROOT, "  exact SME at step %d: E|Theta - theta*|^2 = %.6g; stationary %.6g;"
                    + " ensemble vs exact max |z| %.3g%n", e.step(), e.secondMoment(),
                    SmeMoments.stationarySecondMoment(p), maxAbsZ()));
        }
        sb.append(String.format(Locale.ROOT, "  %.3g SME steps/s (%.3f s, %d threads)%n", result.chainStepsPerSecond(),
                result.seconds(), result.threads()));
        return sb.toString();
    }
}
