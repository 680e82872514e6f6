package dev.asgd.theory.meanmap;

import java.util.function.DoublePredicate;

/** Where a mean map's eigenvalues turn from real to complex as the learning rate grows, by bisection. */
public final class EigenvalueKindBisection {
    private EigenvalueKindBisection() {
    }

    /**
     * Bisection in log eta for the smallest eta where the predicate turns true (false below, true
     * above), to a relative width of 1e-13 or 200 halvings.
     *
     * @param lo a learning rate where the predicate is false
     * @param hi a learning rate where it is true
     * @param complexAt whether the eigenvalues are complex at eta
     * @return the geometric midpoint of the final bracket
     */
    public static double threshold(double lo, double hi, DoublePredicate complexAt) {
        double a = lo;
        double b = hi;
        for (int i = 0; i < 200 && b / a > 1 + 1e-13; i++) {
            double m = Math.sqrt(a * b);
            if (complexAt.test(m)) {
                b = m;
            } else {
                a = m;
            }
        }
        return Math.sqrt(a * b);
    }
}
