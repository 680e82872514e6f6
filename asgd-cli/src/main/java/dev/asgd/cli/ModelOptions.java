package dev.asgd.cli;

import picocli.CommandLine.Option;

/**
 * The shared model flags (DESIGN.md, "Command-line contract"), with the same names in every
 * command that simulates or solves the model. Specs ({@code --staleness}, {@code --perturbation})
 * are kept as text here and parsed by the library, which names the flag in its error.
 */
public class ModelOptions {
    @Option(names = "--eta", required = true, paramLabel = "ETA", description = "Learning rate eta > 0.")
    public double eta;

    @Option(names = "--kappa", defaultValue = "0", paramLabel = "KAPPA",
            description = "Staleness rate of the geometric staleness, 0 <= kappa < 1 (default: ${DEFAULT-VALUE}).")
    public double kappa;

    @Option(names = "--omega0", split = ",", paramLabel = "OMEGA",
            description = "Square roots of the Hessian eigenvalues: one value, or a comma list (d = its length)."
                    + " Required (asgd simulate: unless --data).")
    public double[] omega0;

    @Option(names = "--sigma", defaultValue = "1", split = ",", paramLabel = "SIGMA",
            description = "Gradient-noise standard deviation >= 0: one value, or one per coordinate"
                    + " (default: ${DEFAULT-VALUE}).")
    public double[] sigma;

    @Option(names = "--theta0", defaultValue = "1", split = ",", paramLabel = "THETA0",
            description = "Initial parameter: one value for every coordinate, or one per coordinate"
                    + " (default: ${DEFAULT-VALUE}).")
    public double[] theta0;

    @Option(names = "--staleness", defaultValue = "geometric", paramLabel = "SPEC",
            description = "Staleness law: geometric (uses --kappa), fixed:L, uniform:L, poisson:LAMBDA,"
                    + " empirical:FILE, queue:M (default: ${DEFAULT-VALUE}).")
    public String staleness;

    @Option(names = "--perturbation", defaultValue = "none", paramLabel = "SPEC",
            description = "Perturbation eps of the gradient: none, sin:A[,K], tanh:A[,S], bump:A"
                    + " (default: ${DEFAULT-VALUE}).")
    public String perturbation;

    /**
     * @return --omega0, which is not required by picocli (asgd simulate --data replaces it)
     * @throws dev.asgd.core.InvalidParameterException when it was not given
     */
    public double[] requireOmega0() {
        if (omega0 == null) {
            throw new dev.asgd.core.InvalidParameterException("omega0", "missing",
                    "one value or a comma list of values > 0");
        }
        return omega0;
    }

    /**
     * @param values a value or one per coordinate
     * @param dimension d
     * @param name the flag's name without dashes, for the error
     * @return d values
     */
    public static double[] perCoordinate(double[] values, int dimension, String name) {
        if (values.length == dimension) {
            return values.clone();
        }
        if (values.length == 1) {
            double[] out = new double[dimension];
            java.util.Arrays.fill(out, values[0]);
            return out;
        }
        throw new dev.asgd.core.InvalidParameterException(name, java.util.Arrays.toString(values),
                "one value or " + dimension + " values (one per coordinate of --omega0)");
    }
}
