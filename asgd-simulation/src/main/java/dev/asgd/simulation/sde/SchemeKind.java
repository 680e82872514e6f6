package dev.asgd.simulation.sde;

import dev.asgd.core.InvalidParameterException;
import java.util.Locale;

/** The SME integrators, by their {@code --scheme} name. */
public enum SchemeKind {
    /** {@link EulerMaruyamaIntegrator}, weak order 1. */
    EM("em", 1),
    /** {@link OrnsteinUhlenbeckSplittingIntegrator}, weak order 2. */
    SPLITTING("splitting", 2),
    /** {@link ExactGaussianIntegrator}: exact in law (unperturbed quadratic only). */
    EXACT("exact", Integer.MAX_VALUE);

    private final String label;
    private final int weakOrder;

    SchemeKind(String label, int weakOrder) {
        this.label = label;
        this.weakOrder = weakOrder;
    }

    /** @return the name used on the command line */
    public String label() {
        return label;
    }

    /** @return the weak order (Integer.MAX_VALUE for exact sampling) */
    public int weakOrder() {
        return weakOrder;
    }

    /**
     * @param problem the SME
     * @param h the step
     * @return a new integrator (one per thread: it owns scratch buffers)
     */
    public SdeScheme create(SdeProblem problem, double h) {
        return switch (this) {
            case EM -> new EulerMaruyamaIntegrator(problem, h);
            case SPLITTING -> new OrnsteinUhlenbeckSplittingIntegrator(problem, h);
            case EXACT -> new ExactGaussianIntegrator(problem, h);
        };
    }

    /**
     * @param name em, splitting or exact (any case)
     * @return the scheme
     */
    public static SchemeKind parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (SchemeKind k : values()) {
            if (k.label.equals(n)) {
                return k;
            }
        }
        throw new InvalidParameterException("scheme", name, "em, splitting or exact");
    }
}
