package dev.asgd.core.perturbation;

import dev.asgd.core.Require;

/**
 * eps(theta) = A tanh(theta / s): a smooth saturating perturbation (the gradient of
 * A s log cosh(theta / s), a Huber-like term). sup |eps| = A, sup |eps'| = A / s.
 *
 * @param amplitude A, {@code >= 0}
 * @param scale s, {@code > 0}
 */
public record TanhPerturbation(double amplitude, double scale) implements Perturbation {

    /** Validates. */
    public TanhPerturbation {
        Require.nonNegativeFinite(amplitude, "perturbation amplitude");
        Require.positiveFinite(scale, "perturbation scale");
    }

    @Override
    public double value(double theta) {
        return amplitude * Math.tanh(theta / scale);
    }

    @Override
    public double derivative(double theta) {
        double c = Math.cosh(theta / scale);
        return amplitude / (scale * c * c);
    }

    @Override
    public double supAbsValue() {
        return amplitude;
    }

    @Override
    public double supAbsDerivative() {
        return amplitude / scale;
    }

    @Override
    public double supAbsThetaTimesValue() {
        return amplitude == 0 ? 0 : Double.POSITIVE_INFINITY;
    }

    @Override
    public String spec() {
        return scale == 1 ? "tanh:" + amplitude : "tanh:" + amplitude + "," + scale;
    }
}
