package dev.asgd.core.staleness;

import dev.asgd.core.InvalidParameterException;
import java.nio.file.Path;

/** Parses the {@code --staleness} specification. */
public final class StalenessDistributions {
    /** What {@link #parse(String, double)} accepts, for messages and help texts. */
    public static final String ALLOWED = "geometric (uses --kappa), fixed:L, uniform:L (L >= 0 integer),"
            + " poisson:LAMBDA (0 < LAMBDA <= 1e6), empirical:FILE, queue:M (M >= 1 integer)";

    private StalenessDistributions() {
    }

    /**
     * @param spec the specification
     * @param kappa the staleness rate used by {@code geometric}
     * @return the law
     * @throws InvalidParameterException naming {@code staleness} (or {@code kappa}) for bad input
     */
    public static StalenessDistribution parse(String spec, double kappa) {
        if (spec == null || spec.isBlank()) {
            throw new InvalidParameterException("staleness", "(empty)", ALLOWED);
        }
        String s = spec.trim();
        if (s.equals("geometric")) {
            return new GeometricStaleness(kappa);
        }
        int colon = s.indexOf(':');
        if (colon < 0) {
            throw new InvalidParameterException("staleness", spec, ALLOWED);
        }
        String kind = s.substring(0, colon);
        String arg = s.substring(colon + 1).trim();
        try {
            switch (kind) {
                case "geometric":
                    return new GeometricStaleness(Double.parseDouble(arg));
                case "fixed":
                    return new FixedStaleness(Integer.parseInt(arg));
                case "uniform":
                    return new UniformStaleness(Integer.parseInt(arg));
                case "poisson":
                    return new PoissonStaleness(Double.parseDouble(arg));
                case "queue":
                    return new QueueStaleness(Integer.parseInt(arg));
                case "empirical":
                    if (arg.isEmpty()) {
                        break;
                    }
                    return EmpiricalStaleness.read(Path.of(arg), spec);
                default:
                    break;
            }
        } catch (NumberFormatException | java.nio.file.InvalidPathException e) {
            throw new InvalidParameterException("staleness", spec, ALLOWED);
        } catch (InvalidParameterException e) {
            if (kind.equals("empirical")) {
                throw e;
            }
            throw new InvalidParameterException("staleness", spec, ALLOWED);
        }
        throw new InvalidParameterException("staleness", spec, ALLOWED);
    }
}
