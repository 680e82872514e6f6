package dev.asgd.core.perturbation;

import dev.asgd.core.Require;

/**
 * eps(theta) = A theta exp(-theta^2 / 2): a localized perturbation (the gradient of
 * -A exp(-theta^2/2)) for which theta eps(theta) is bounded too, so every term of Assumption 3.1
 * that has a finite counterpart in the original variable is finite.
 * sup |eps| = A e^{-1/2} (at theta = 1), sup |eps'| = A (at theta = 0),
 * sup |theta eps| = 2 A / e (at theta = sqrt 2).
 *
 * @param amplitude A, {@code >= 0}
 */
public record GaussianBumpPerturbation(double amplitude) implements Perturbation {

    /** Validates. */
    public GaussianBumpPerturbation {
        Require.nonNegativeFinite(amplitude, "perturbation amplitude");
    }

    @Override
    public double value(double theta) {
        return amplitude * theta * Math.exp(-0.5 * theta * theta);
    }

    @Override
    public double derivative(double theta) {
        return amplitude * (1 - theta * theta) * Math.exp(-0.5 * theta * theta);
    }

    @Override
    public double supAbsValue() {
        return amplitude * Math.exp(-0.5);
    }

    @Override
    public double supAbsDerivative() {
        return amplitude;
    }

    @Override
    public double supAbsThetaTimesValue() {
        return 2 * amplitude / Math.E;
    }

    @Override
    public String spec() {
        return "bump:" + amplitude;
    }
}
