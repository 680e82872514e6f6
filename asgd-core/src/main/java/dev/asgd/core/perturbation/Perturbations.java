package dev.asgd.core.perturbation;

import dev.asgd.core.InvalidParameterException;

/** Parses the {@code --perturbation} specification. */
public final class Perturbations {
    /** What {@link #parse(String)} accepts, for messages and help texts. */
    public static final String ALLOWED = "none, sin:A[,K], tanh:A[,S] or bump:A (A >= 0, K > 0, S > 0)";

    private Perturbations() {
    }

    /**
     * @param spec {@code none}, {@code sin:A[,K]}, {@code tanh:A[,S]} or {@code bump:A}
     * @return the perturbation
     * @throws InvalidParameterException naming {@code perturbation} for anything else
     */
    public static Perturbation parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new InvalidParameterException("perturbation", "(empty)", ALLOWED);
        }
        String s = spec.trim();
        if (s.equals("none")) {
            return NoPerturbation.INSTANCE;
        }
        int colon = s.indexOf(':');
        if (colon < 0) {
            throw new InvalidParameterException("perturbation", spec, ALLOWED);
        }
        String kind = s.substring(0, colon);
        double[] args = numbers(s.substring(colon + 1), spec);
        try {
            switch (kind) {
                case "sin":
                    return new SinePerturbation(args[0], args.length > 1 ? args[1] : 1.0);
                case "tanh":
                    return new TanhPerturbation(args[0], args.length > 1 ? args[1] : 1.0);
                case "bump":
                    if (args.length != 1) {
                        break;
                    }
                    return new GaussianBumpPerturbation(args[0]);
                default:
                    break;
            }
        } catch (InvalidParameterException e) {
            throw new InvalidParameterException("perturbation", spec, ALLOWED);
        }
        throw new InvalidParameterException("perturbation", spec, ALLOWED);
    }

    private static double[] numbers(String list, String spec) {
        String[] parts = list.split(",", -1);
        if (parts.length > 2) {
            throw new InvalidParameterException("perturbation", spec, ALLOWED);
        }
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("perturbation", spec, ALLOWED);
            }
        }
        return out;
    }
}
