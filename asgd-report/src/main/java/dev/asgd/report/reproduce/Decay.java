package dev.asgd.report.reproduce;

/**
 * Decay exponents read off sequences: from the root-mean-square of the values over two windows,
 * which is insensitive to the zero crossings of oscillating (underdamped) sequences.
 */
public final class Decay {
    private Decay() {
    }

    /**
     * @param logValues ln |y_j| at equally spaced abscissae
     * @param spacing the spacing of the abscissae
     * @param window points per window (at least one oscillation period)
     * @return the decay exponent r with |y| ~ exp(-r x), from the windows ending at the middle and at the end
     */
    public static double exponent(double[] logValues, double spacing, int window) {
        int n = logValues.length;
        int mid = n / 2;
        double l1 = logMeanExp(logValues, mid - window, mid);
        double l2 = logMeanExp(logValues, n - window, n);
        return -(l2 - l1) / ((n - mid) * spacing);
    }

    private static double logMeanExp(double[] v, int from, int to) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = Math.max(0, from); i < to; i++) {
            max = Math.max(max, v[i]);
        }
        double s = 0;
        int count = 0;
        for (int i = Math.max(0, from); i < to; i++) {
            s += Math.exp(v[i] - max);
            count++;
        }
        return max + Math.log(s / count);
    }

    /**
     * @param x abscissae
     * @param y ordinates
     * @return the least-squares slope of y against x (NaN for fewer than 2 finite points)
     */
    public static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                mx += x[i];
                my += y[i];
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                sxy += (x[i] - mx) * (y[i] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
            }
        }
        return sxy / sxx;
    }
}
