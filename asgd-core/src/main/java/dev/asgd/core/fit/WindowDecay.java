package dev.asgd.core.fit;

/**
 * A decay exponent read off a sequence from the root-mean-square of its values over two windows,
 * which is insensitive to the zero crossings of oscillating (underdamped) sequences: with
 * L(a, b) = ln mean_{a &lt;= j &lt; b} |y_j|^2-like values exp(l_j) (computed stably),
 * <pre>
 *   r = -(L(n - w, n) - L(n/2 - w, n/2)) / ((n - n/2) h)
 * </pre>
 * for n values l_j = ln |y_j| at spacing h and windows of w points ending at the middle and the end.
 */
public final class WindowDecay {
    private WindowDecay() {
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
}
