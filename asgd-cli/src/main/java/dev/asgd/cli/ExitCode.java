package dev.asgd.cli;

/** The documented exit codes of every asgd command. */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** Anything not covered below (an I/O error, a bug). */
    public static final int FAILURE = 1;
    /** Invalid input: one line on stderr names the parameter, the value and what is allowed. */
    public static final int INVALID_INPUT = 2;
    /** Numerical failure: divergence, with the step and chain or worker. */
    public static final int DIVERGED = 3;

    private ExitCode() {
    }
}
