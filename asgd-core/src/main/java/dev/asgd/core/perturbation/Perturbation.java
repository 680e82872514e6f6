package dev.asgd.core.perturbation;

/**
 * The perturbation eps of the quadratic's gradient, grad f(theta) = omega0^2 theta + eps(theta)
 * (Zhu and Ying, section 2). It acts coordinate by coordinate: eps_i(theta) = eps(theta_i), so the
 * Jacobian is diagonal and its entries are {@link #derivative(double)}.
 *
 * <p>Assumption 3.1 asks for one eps_0 bounding, among others, ||eps . x|| and ||eps . v|| in
 * L-infinity over the phase space (x, v). With theta = -(v + gamma x) / omega0^2, for fixed theta
 * the variable x ranges over all reals, so those two norms are infinite for every eps that is not
 * identically zero: read literally, the assumption admits only eps = 0. {@link #epsilon0(int)}
 * therefore returns the bound over the terms that are finite (sup |eps_i|, d max sup |eps_i'|,
 * sum sup |eps_i'|), and {@link #supAbsThetaTimesValue()} the one over theta eps(theta), which is
 * the finite counterpart of ||eps . x|| in the original variable.
 */
public interface Perturbation {

    /**
     * @param theta one coordinate of the parameter
     * @return eps(theta)
     */
    double value(double theta);

    /**
     * @param theta one coordinate of the parameter
     * @return eps'(theta)
     */
    double derivative(double theta);

    /** @return sup over theta of |eps(theta)| */
    double supAbsValue();

    /** @return sup over theta of |eps'(theta)| */
    double supAbsDerivative();

    /** @return sup over theta of |theta eps(theta)|, possibly infinite */
    double supAbsThetaTimesValue();

    /** @return the specification this perturbation was parsed from, e.g. {@code "sin:0.1"} */
    String spec();

    /** @return true for eps = 0 */
    default boolean isZero() {
        return supAbsValue() == 0 && supAbsDerivative() == 0;
    }

    /**
     * The finite part of Assumption 3.1's bound in d dimensions:
     * max(sup |eps|, d sup |eps'|), since every coordinate shares the same eps (so the sum of the
     * d derivative bounds equals d times one of them).
     *
     * @param dimension d
     * @return eps_0
     */
    default double epsilon0(int dimension) {
        return Math.max(supAbsValue(), dimension * supAbsDerivative());
    }
}
