package dev.asgd.training.engine;

import dev.asgd.core.InvalidParameterException;

/**
 * How the workers' gradients meet the parameters.
 *
 * @param kind the mode
 * @param bound the staleness bound S of {@code ssp:S} (0 otherwise)
 */
public record Mode(Kind kind, int bound) {
    /** The modes. */
    public enum Kind {
        /** Parameter server, updates applied one at a time as they arrive. */
        ASYNC,
        /** Lock-free atomic adds into one shared vector (Recht et al. 2011). */
        HOGWILD,
        /** M gradients at the same version, averaged, one update per round: the baseline. */
        SYNC,
        /** Stale synchronous parallel: a worker may run at most S clocks ahead of the slowest. */
        SSP
    }

    /** Validates the bound. */
    public Mode {
        if (bound < 0 || (kind != Kind.SSP && bound != 0)) {
            throw new InvalidParameterException("mode", kind + ":" + bound, "ssp:S with S >= 0");
        }
    }

    /**
     * @param spec {@code async}, {@code hogwild}, {@code sync} or {@code ssp:S}
     * @return the mode
     */
    public static Mode parse(String spec) {
        String s = spec.strip();
        switch (s) {
            case "async":
                return new Mode(Kind.ASYNC, 0);
            case "hogwild":
                return new Mode(Kind.HOGWILD, 0);
            case "sync":
                return new Mode(Kind.SYNC, 0);
            default:
                break;
        }
        if (s.startsWith("ssp:")) {
            try {
                int b = Integer.parseInt(s.substring(4));
                if (b >= 0) {
                    return new Mode(Kind.SSP, b);
                }
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new InvalidParameterException("mode", spec, "async, hogwild, sync or ssp:S with an integer S >= 0");
    }

    @Override
    public String toString() {
        return kind == Kind.SSP ? "ssp:" + bound : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
