package dev.asgd.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.asgd.simulation.SeriesPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One record of the time series every command prints (DESIGN.md), as JSON.
 *
 * @param step the ASGD step
 * @param time the SME time, absent for ASGD's own series
 * @param mean E theta per coordinate
 * @param meanStdErr its standard errors (null for exact moments)
 * @param secondMoment E |theta - theta*|^2
 * @param secondMomentStdErr its standard error
 * @param secondMomentPerCoordinate E (theta_i - theta*_i)^2
 * @param excessLoss E f(theta) - f*
 * @param excessLossStdErr its standard error
 * @param quantilesAbsError quantiles of |theta - theta*| by level ({@code "0.5"}), absent without
 *     quantiles (a map: its keys are the requested levels, data rather than schema)
 */
public record SeriesRecord(long step, @JsonInclude(JsonInclude.Include.NON_NULL) Double time, double[] mean,
        double[] meanStdErr, double secondMoment, double secondMomentStdErr, double[] secondMomentPerCoordinate,
        double excessLoss, double excessLossStdErr,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> quantilesAbsError) {

    /**
     * @param p the record
     * @param levels the quantile levels of its quantiles
     * @return its JSON view
     */
    public static SeriesRecord of(SeriesPoint p, double[] levels) {
        Map<String, Double> q = null;
        if (p.quantiles().length > 0) {
            q = new LinkedHashMap<>();
            for (int j = 0; j < p.quantiles().length; j++) {
                q.put(level(levels[j]), p.quantiles()[j]);
            }
        }
        return new SeriesRecord(p.step(), Double.isNaN(p.time()) ? null : p.time(), p.mean(), p.meanStdErr(),
                p.secondMoment(), p.secondMomentStdErr(), p.secondMomentPerCoordinate(), p.excessLoss(),
                p.excessLossStdErr(), q);
    }

    /**
     * @param series the records
     * @param levels the quantile levels of the records' quantiles
     * @return their JSON views
     */
    public static List<SeriesRecord> of(List<SeriesPoint> series, double[] levels) {
        List<SeriesRecord> out = new ArrayList<>(series.size());
        for (SeriesPoint p : series) {
            out.add(of(p, levels));
        }
        return out;
    }

    /**
     * @param p a quantile level
     * @return its key and CSV column suffix ({@code 0.5})
     */
    public static String level(double p) {
        return String.format(Locale.ROOT, "%s", p);
    }
}
