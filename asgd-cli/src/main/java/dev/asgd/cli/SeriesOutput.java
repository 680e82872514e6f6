package dev.asgd.cli;

import dev.asgd.cli.output.SeriesRecord;
import dev.asgd.simulation.SeriesPoint;
import java.util.List;

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
     * as numbers, as a JSON record and as text, about 8 d + 2 q + 40 doubles.
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
     * @return their JSON views
     */
    public static List<SeriesRecord> json(List<SeriesPoint> series, double[] levels) {
        return SeriesRecord.of(series, levels);
    }

    /**
     * @param series the records (all of the same dimension)
     * @param levels the quantile levels
     * @return CSV text with a header row: the columns of the JSON records, one row per record (from
     *     the library's records, so that repeated quantile levels keep a column each)
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
            sb.append(",q").append(SeriesRecord.level(levels[j]));
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
}
