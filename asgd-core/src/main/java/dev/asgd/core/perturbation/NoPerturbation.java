package dev.asgd.core.perturbation;

/** eps = 0: the unperturbed quadratic. */
public final class NoPerturbation implements Perturbation {
    /** The single instance. */
    public static final NoPerturbation INSTANCE = new NoPerturbation();

    private NoPerturbation() {
    }

    @Override
    public double value(double theta) {
        return 0;
    }

    @Override
    public double derivative(double theta) {
        return 0;
    }

    @Override
    public double supAbsValue() {
        return 0;
    }

    @Override
    public double supAbsDerivative() {
        return 0;
    }

    @Override
    public double supAbsThetaTimesValue() {
        return 0;
    }

    @Override
    public String spec() {
        return "none";
    }
}
