package dev.asgd.core;

/**
 * A computation left the finite numbers or a stated bound: the iterate of a chain, a worker's
 * parameters or an integrator's state diverged. The message says where (step, chain or worker)
 * and the value; the command line maps it to exit code 3.
 */
public class NumericalDivergenceException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    private final long step;
    private final String where;
    private final double value;

    /**
     * @param step the step (or update) at which the divergence was detected
     * @param where the chain, worker or component, e.g. {@code "chain 17"}
     * @param value the offending value (may be non-finite)
     * @param reason what was violated, e.g. {@code "|theta| > 1e150"}
     */
    public NumericalDivergenceException(long step, String where, double value, String reason) {
        super("diverged at step " + step + ", " + where + ": value " + value + " (" + reason + ")");
        this.step = step;
        this.where = where;
        this.value = value;
    }

    /** @return the step at which the divergence was detected */
    public long step() {
        return step;
    }

    /** @return the chain, worker or component that diverged */
    public String where() {
        return where;
    }

    /** @return the offending value */
    public double value() {
        return value;
    }
}
