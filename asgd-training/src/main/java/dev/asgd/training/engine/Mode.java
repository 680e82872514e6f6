package dev.asgd.training.engine;

import dev.asgd.core.InvalidParameterException;

/**
 * How the workers' gradients meet the parameters.
 *
 * <p>{@code hogwild} adds each coordinate atomically (a compare-and-set: no addition is ever lost,
 * the model of Niu et al. 2011); {@code hogwild:racy} adds with a plain read and write, as PyTorch's
 * Hogwild example and TensorFlow's optimizers without {@code use_locking} do: two workers that
 * write one coordinate at the same moment may lose one of the two additions (on sparse rows the
 * intercept, which every update writes, is still added atomically). With one worker the two are
 * the same, bit for bit (nobody to race), and both run the plain writes.
 *
 * @param kind the mode
 * @param bound the staleness bound S of {@code ssp:S} (0 otherwise)
 * @param racy hogwild with plain (not atomic) adds ({@code hogwild:racy})
 */
public record Mode(Kind kind, int bound, boolean racy) {
    /** The modes. */
    public enum Kind {
        /** Parameter server, updates applied one at a time as they arrive. */
        ASYNC,
        /** Lock-free adds into one shared vector (Recht et al. 2011): atomic, or plain when racy. */
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
        if (racy && kind != Kind.HOGWILD) {
            throw new InvalidParameterException("mode", kind + ":racy", "hogwild:racy (only hogwild adds without a server)");
        }
    }

    /**
     * @param kind the mode
     * @param bound the staleness bound S of {@code ssp:S} (0 otherwise)
     */
    public Mode(Kind kind, int bound) {
        this(kind, bound, false);
    }

    /**
     * @param spec {@code async}, {@code hogwild}, {@code hogwild:racy}, {@code sync} or {@code ssp:S}
     * @return the mode
     */
    public static Mode parse(String spec) {
        String s = spec.strip();
        switch (s) {
            case "async":
                return new Mode(Kind.ASYNC, 0);
            case "hogwild":
                return new Mode(Kind.HOGWILD, 0);
            case "hogwild:racy":
                return new Mode(Kind.HOGWILD, 0, true);
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
        throw new InvalidParameterException("mode", spec, "async, hogwild, hogwild:racy, sync or ssp:S with an integer S >= 0");
    }

    @Override
    public String toString() {
        if (kind == Kind.SSP) {
            return "ssp:" + bound;
        }
        return kind.name().toLowerCase(java.util.Locale.ROOT) + (racy ? ":racy" : "");
    }
}
