package dev.asgd.simulation.compare;

/**
 * The stationary second moments lim E|theta_k - theta*|^2 of ASGD and of the SME and their
 * distance. For the unperturbed quadratic both are exact (the fixed point of ASGD's moment
 * recursion, the SME's algebraic Lyapunov equation); for a perturbed loss both are the last
 * record of their ensembles, with standard errors.
 *
 * @param asgd ASGD's (NaN when its second moment diverges)
 * @param asgdStdErr its standard error (NaN when exact)
 * @param asgdSource how it was obtained
 * @param sme the SME's
 * @param smeStdErr its standard error (NaN when exact)
 * @param smeSource how it was obtained
 */
public record Stationary(double asgd, double asgdStdErr, String asgdSource, double sme, double smeStdErr,
        String smeSource) {

    /** @return |sme - asgd| */
    public double absoluteError() {
        return Math.abs(sme - asgd);
    }

    /** @return (sme - asgd) / asgd, signed */
    public double relativeError() {
        return (sme - asgd) / asgd;
    }

    /** @return the standard error of the difference (NaN when both are exact) */
    public double stdErr() {
        double s = 0;
        boolean any = false;
        for (double x : new double[] {asgdStdErr, smeStdErr}) {
            if (Double.isFinite(x)) {
                s += x * x;
                any = true;
            }
        }
        return any ? Math.sqrt(s) : Double.NaN;
    }

    /** @return whether the difference exceeds its Monte Carlo noise (always, when exact) */
    public boolean resolved() {
        double se = stdErr();
        return !(se > 0) || absoluteError() > WeakError.RESOLUTION * se;
    }
}
