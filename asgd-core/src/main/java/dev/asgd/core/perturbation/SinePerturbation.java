package dev.asgd.core.perturbation;

import dev.asgd.core.Require;

/**
 * eps(theta) = A sin(k theta): bounded and with bounded derivative, so it satisfies the finite
 * part of Assumption 3.1 with eps_0 = max(A, d A k). It is odd, so theta* = 0 stays a critical
 * point, and it is a minimum as long as omega0^2 > A k.
 *
 * @param amplitude A, {@code >= 0}
 * @param frequency k, {@code > 0}
 */
public record SinePerturbation(double amplitude, double frequency) implements Perturbation {

    /** Validates. */
    public SinePerturbation {
        Require.nonNegativeFinite(amplitude, "perturbation amplitude");
        Require.positiveFinite(frequency, "perturbation frequency");
    }

    @Override
    public double value(double theta) {
        return amplitude * Math.sin(frequency * theta);
    }

    @Override
    public double derivative(double theta) {
        return amplitude * frequency * Math.cos(frequency * theta);
    }

    @Override
    public double supAbsValue() {
        return amplitude;
    }

    @Override
    public double supAbsDerivative() {
        return amplitude * frequency;
    }

    @Override
    public double supAbsThetaTimesValue() {
        return amplitude == 0 ? 0 : Double.POSITIVE_INFINITY;
    }

    @Override
    public String spec() {
        return frequency == 1 ? "sin:" + amplitude : "sin:" + amplitude + "," + frequency;
    }
}
