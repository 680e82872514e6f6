package dev.asgd.simulation;

/**
 * Sums over chains at every record step: of u = theta - theta*, of u_i^2, of |u|^2 and its square,
 * of f - f* and its square, and a quantile sketch of |u|. One instance per block of chains; blocks
 * are merged in block order, so floating-point sums do not depend on the thread count. The
 * sketches hold integer counts, so they are kept per thread and merged at the end in any order.
 */
final class EnsembleStatistics {
    private final int d;
    private final int records;
    final double[] sumU;
    final double[] sumU2;
    final double[] sumR2;
    final double[] sumR4;
    final double[] sumF;
    final double[] sumF2;
    final QuantileSketch[] sketches;
    long chains;

    /**
     * @param records R
     * @param d dimension
     * @param sketches per-record quantile sketches to add |u| to (shared by the blocks of one thread:
     *     integer counts merge exactly in any order), or null for none
     */
    EnsembleStatistics(int records, int d, QuantileSketch[] sketches) {
        this.d = d;
        this.records = records;
        this.sumU = new double[records * d];
        this.sumU2 = new double[records * d];
        this.sumR2 = new double[records];
        this.sumR4 = new double[records];
        this.sumF = new double[records];
        this.sumF2 = new double[records];
        this.sketches = sketches;
    }

    /** Adds one chain's state at record r: u (length d from offset) and its excess loss. */
    void add(int r, double[] u, int offset, double excess) {
        double r2 = 0;
        int base = r * d;
        for (int i = 0; i < d; i++) {
            double v = u[offset + i];
            double v2 = v * v;
            sumU[base + i] += v;
            sumU2[base + i] += v2;
            r2 += v2;
        }
        sumR2[r] += r2;
        sumR4[r] += r2 * r2;
        sumF[r] += excess;
        sumF2[r] += excess * excess;
        if (sketches != null) {
            // |u| itself in one dimension (sqrt(u^2) can differ from it where u^2 underflows)
            sketches[r].add(d == 1 ? Math.abs(u[offset]) : Math.sqrt(r2));
        }
    }

    /**
     * Adds n chains' one-dimensional states at record r, in order, with excess loss
     * {@code halfCurvature * v * v}: the same sums, bit for bit, as n calls of
     * {@link #add(int, double[], int, double)} with d = 1, formed in local variables.
     *
     * @param r record index
     * @param values the states u = theta - theta*
     * @param from first index in {@code values}
     * @param n number of chains
     * @param halfCurvature omega^2 / 2
     */
    void addScalars(int r, double[] values, int from, int n, double halfCurvature) {
        double su = sumU[r];
        double su2 = sumU2[r];
        double sr2 = sumR2[r];
        double sr4 = sumR4[r];
        double sf = sumF[r];
        double sf2 = sumF2[r];
        for (int c = from; c < from + n; c++) {
            double v = values[c];
            double v2 = v * v;
            double f = halfCurvature * v * v;
            su += v;
            su2 += v2;
            sr2 += v2;
            sr4 += v2 * v2;
            sf += f;
            sf2 += f * f;
        }
        if (sketches != null) {
            sketches[r].addAbsolute(values, from, n);
        }
        sumU[r] = su;
        sumU2[r] = su2;
        sumR2[r] = sr2;
        sumR4[r] = sr4;
        sumF[r] = sf;
        sumF2[r] = sf2;
    }

    void merge(EnsembleStatistics o) {
        add(sumU, o.sumU);
        add(sumU2, o.sumU2);
        add(sumR2, o.sumR2);
        add(sumR4, o.sumR4);
        add(sumF, o.sumF);
        add(sumF2, o.sumF2);
        chains += o.chains;
    }

    private static void add(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
    }

    /** @return a fresh set of per-record sketches */
    static QuantileSketch[] newSketches(int records) {
        QuantileSketch[] s = new QuantileSketch[records];
        for (int r = 0; r < records; r++) {
            s[r] = new QuantileSketch();
        }
        return s;
    }

    /**
     * @param r record index
     * @param step its step
     * @param thetaStar theta*
     * @param levels quantile levels
     * @return the ensemble record
     */
    SeriesPoint point(int r, long step, double[] thetaStar, double[] levels) {
        double n = chains;
        double[] mean = new double[d];
        double[] meanSe = new double[d];
        double[] per = new double[d];
        for (int i = 0; i < d; i++) {
            double m = sumU[r * d + i] / n;
            double m2 = sumU2[r * d + i] / n;
            mean[i] = m + thetaStar[i];
            meanSe[i] = standardError(m, m2, n);
            per[i] = m2;
        }
        double r2 = sumR2[r] / n;
        double f = sumF[r] / n;
        double[] q = new double[sketches == null ? 0 : levels.length];
        for (int j = 0; j < q.length; j++) {
            q[j] = sketches[r].quantile(levels[j]);
        }
        return new SeriesPoint(step, Double.NaN, mean, meanSe, per, r2, standardError(r2, sumR4[r] / n, n), f,
                standardError(f, sumF2[r] / n, n), q);
    }

    /** Standard error of a sample mean from its first two raw moments (unbiased variance). */
    private static double standardError(double m1, double m2, double n) {
        if (n < 2) {
            return Double.NaN;
        }
        double var = Math.max(0, m2 - m1 * m1) * n / (n - 1);
        return Math.sqrt(var / n);
    }
}
