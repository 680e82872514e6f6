package dev.asgd.core;

/**
 * A parameter value outside its allowed set. The message names the parameter, the value and
 * what is allowed, e.g. {@code "kappa = 1.5: allowed 0 <= kappa < 1"}; the command line turns it
 * into one line on stderr and exit code 2.
 */
public class InvalidParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String value;
    private final String allowed;

    /**
     * @param parameter name of the parameter, as the library calls it (e.g. {@code "kappa"})
     * @param value the offending value, rendered as text
     * @param allowed what is allowed, e.g. {@code "0 <= kappa < 1"}
     */
    public InvalidParameterException(String parameter, Object value, String allowed) {
        super(parameter + " = " + value + ": allowed " + allowed);
        this.parameter = parameter;
        this.value = String.valueOf(value);
        this.allowed = allowed;
    }

    /** @return the name of the parameter */
    public String parameter() {
        return parameter;
    }

    /** @return the offending value as text */
    public String value() {
        return value;
    }

    /** @return a description of the allowed values */
    public String allowed() {
        return allowed;
    }
}
