package dev.asgd.theory.meanmap;

/** The parameter grids of the studies. */
public final class Grid {
    private Grid() {
    }

    /**
     * @param from first value
     * @param to last value
     * @param n points
     * @return n points log-spaced from from to to
     */
    public static double[] logspace(double from, double to, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = from * Math.pow(to / from, n == 1 ? 0 : i / (double) (n - 1));
        }
        return x;
    }

    /**
     * @param from first value
     * @param to last value
     * @param n points
     * @return n points evenly spaced
     */
    public static double[] linspace(double from, double to, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = from + (to - from) * (n == 1 ? 0 : i / (double) (n - 1));
        }
        return x;
    }
}
