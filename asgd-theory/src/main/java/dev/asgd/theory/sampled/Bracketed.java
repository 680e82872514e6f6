package dev.asgd.theory.sampled;

import java.util.function.DoubleUnaryOperator;

/**
 * A root of a continuous function inside a sign-changing bracket by the Illinois variant of regula
 * falsi (superlinear, the bracket always shrinks; the end values already known are not recomputed).
 */
final class Bracketed {
    private Bracketed() {
    }

    /**
     * @param f the function
     * @param lo one end
     * @param flo f(lo)
     * @param hi the other end
     * @param fhi f(hi), of the other sign than flo (or zero)
     * @param xtol the bracket width at which to stop
     * @param maxEval the largest number of evaluations
     * @return the end of the final bracket with the smaller |f| (the root when reached exactly)
     */
    static double root(DoubleUnaryOperator f, double lo, double flo, double hi, double fhi, double xtol,
            int maxEval) {
        if (flo == 0) {
            return lo;
        }
        if (fhi == 0) {
            return hi;
        }
        int side = 0;
        for (int it = 0; it < maxEval && Math.abs(hi - lo) > xtol; it++) {
            double x = hi - fhi * (hi - lo) / (fhi - flo);
            if (!(x > Math.min(lo, hi) && x < Math.max(lo, hi))) {
                x = 0.5 * (lo + hi);
            }
            double fx = f.applyAsDouble(x);
            if (fx == 0) {
                return x;
            }
            if ((fx > 0) == (fhi > 0)) {
                hi = x;
                fhi = fx;
                if (side == -1) {
                    flo *= 0.5;
                }
                side = -1;
            } else {
                lo = x;
                flo = fx;
                if (side == 1) {
                    fhi *= 0.5;
                }
                side = 1;
            }
        }
        return Math.abs(flo) < Math.abs(fhi) ? lo : hi;
    }
}
