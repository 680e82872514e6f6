package dev.asgd.cli;

import dev.asgd.simulation.SeriesPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one time-series shape of every command (DESIGN.md): JSON records
 * {@code {"step", "mean": [..d..], "secondMoment", ...}} and the same columns as CSV (one row per
 * record, coordinates as {@code mean_0, mean_1, ...}, quantiles as {@code q0.5}), which pandas
 * reads with {@code read_csv}. Non-finite numbers become null in JSON and empty cells in CSV.
 */
public final class SeriesOutput {
    private SeriesOutput() {
    }

    /**
     * Refuses a series that cannot be held (steps x records), before running: each record is kept
     * as numbers, as a JSON map and as text, about 8 d + 2 q + 40 doubles.
     *
     * @param steps K (flag --steps)
     * @param every the recording interval (flag --every, checked &gt;= 1 before)
     * @param d the dimension
     * @param quantiles the number of quantile levels
     */
    static void requireRecords(long steps, long every, int d, int quantiles) {
        dev.asgd.core.Require.atLeast(steps, 1, "steps");
        dev.asgd.core.Require.atLeast(every, 1, "every");
        double records = Math.floor((double) steps / every) + 2;
        dev.asgd.core.Limits.requireDoubles("steps", steps, records * (8.0 * d + 2.0 * quantiles + 40),
                "series records (steps / every = " + dev.asgd.core.Limits.sci(records - 2) + " records of 8 d + 2 q + 40"
                        + " doubles; raise --every)");
    }

    /**
     * @param series the records
     * @param levels the quantile levels of the records' quantiles
     * @return a list of JSON-ready maps
     */
    public static List<Map<String, Object>> json(List<SeriesPoint> series, double[] levels) {
        List<Map<String, Object>> out = new ArrayList<>(series.size());
        for (SeriesPoint p : series) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", p.step());
            if (!Double.isNaN(p.time())) {
                m.put("time", p.time());
            }
            m.put("mean", p.mean());
            m.put("meanStdErr", p.meanStdErr());
            m.put("secondMoment", p.secondMoment());
            m.put("secondMomentStdErr", p.secondMomentStdErr());
            m.put("secondMomentPerCoordinate", p.secondMomentPerCoordinate());
            m.put("excessLoss", p.excessLoss());
            m.put("excessLossStdErr", p.excessLossStdErr());
            if (p.quantiles().length > 0) {
                Map<String, Double> q = new LinkedHashMap<>();
                for (int j = 0; j < p.quantiles().length; j++) {
                    q.put(level(levels[j]), p.quantiles()[j]);
                }
                m.put("quantilesAbsError", q);
            }
            out.add(m);
        }
        return out;
    }

    /**
     * @param series the records (all of the same dimension)
     * @param levels the quantile levels
     * @return CSV text with a header row
     */
    public static String csv(List<SeriesPoint> series, double[] levels) {
        StringBuilder sb = new StringBuilder();
        int d = series.isEmpty() ? 0 : series.get(0).mean().length;
        boolean time = !series.isEmpty() && !Double.isNaN(series.get(0).time());
        int nq = series.isEmpty() ? 0 : series.get(0).quantiles().length;
        sb.append("step");
        if (time) {
            sb.append(",time");
        }
        for (String col : new String[] {"mean_", "meanStdErr_", "secondMoment_"}) {
            for (int i = 0; i < d; i++) {
                sb.append(',').append(col).append(i);
            }
        }
        sb.append(",secondMoment,secondMomentStdErr,excessLoss,excessLossStdErr");
        for (int j = 0; j < nq; j++) {
            sb.append(",q").append(level(levels[j]));
        }
        sb.append('\n');
        for (SeriesPoint p : series) {
            sb.append(p.step());
            if (time) {
                cell(sb, p.time());
            }
            for (double[] v : new double[][] {p.mean(), p.meanStdErr(), p.secondMomentPerCoordinate()}) {
                for (int i = 0; i < d; i++) {
                    cell(sb, v[i]);
                }
            }
            cell(sb, p.secondMoment());
            cell(sb, p.secondMomentStdErr());
            cell(sb, p.excessLoss());
            cell(sb, p.excessLossStdErr());
            for (double q : p.quantiles()) {
                cell(sb, q);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void cell(StringBuilder sb, double v) {
        sb.append(',');
        if (Double.isFinite(v)) {
            sb.append(v);
        }
    }

    private static String level(double p) {
        return String.format(Locale.ROOT, "%s", p);
    }
}
