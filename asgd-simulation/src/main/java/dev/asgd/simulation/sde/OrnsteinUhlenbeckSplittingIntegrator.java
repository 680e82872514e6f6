package dev.asgd.simulation.sde;

/**
 * A Strang splitting of (2.2) with an exact Ornstein-Uhlenbeck substep, weak order 2. The
 * generator splits as L = L_K + L_O with
 * <pre>
 *   K (kick):            dTheta = 0,                 dY = -grad f(Theta) dt
 *   O (free OU part):    dTheta = Y dt + tau dB,     dY = -gamma Y dt
 * </pre>
 * Both flows are sampled exactly: K is a deterministic shift of Y, and O is linear with its noise in
 * Theta only (Y decays deterministically, so its Gaussian transition has a diagonal noise covariance):
 * <pre>
 *   O(h):  Theta' = Theta + (1 - e^{-gamma h}) / gamma  Y + tau sqrt(h) xi,   Y' = e^{-gamma h} Y.
 * </pre>
 * The symmetric composition K(h/2) O(h) K(h/2) satisfies e^{h L} = e^{h L_K / 2} e^{h L_O} e^{h L_K / 2}
 * + O(h^3) on smooth test functions (Baker-Campbell-Hausdorff), hence weak order 2 for smooth f
 * (Leimkuhler and Matthews, "Molecular Dynamics", section 7.4; Abdulle, Vilmart and Zygalakis 2015).
 * The last kick's force is reused by the next step's first kick: one gradient per step. Because
 * the friction is integrated exactly, the step stays accurate for gamma h of order 1 (gamma h equals
 * 1 - kappa at the default h = deltaT). Of the symmetric splittings tried (BAOAB, OBABO, ABOBA with
 * the friction and the position noise as the O part), this one had the smallest stationary bias on
 * the quadratic (asgd-simulation README).
 */
public final class OrnsteinUhlenbeckSplittingIntegrator implements SdeScheme {
    private final SdeProblem problem;
    private final double halfH;
    private final double decay;
    private final double drift;
    private final double[] noise;
    private final double[] grad;

    /**
     * @param problem the SME
     * @param h the step
     */
    public OrnsteinUhlenbeckSplittingIntegrator(SdeProblem problem, double h) {
        this.problem = problem;
        this.halfH = 0.5 * h;
        double gamma = problem.gamma();
        this.decay = Math.exp(-gamma * h);
        this.drift = -Math.expm1(-gamma * h) / gamma;
        this.noise = problem.tau();
        for (int i = 0; i < noise.length; i++) {
            noise[i] *= Math.sqrt(h);
        }
        this.grad = new double[problem.dimension()];
    }

    @Override
    public void begin(double[] theta, double[] y) {
        problem.loss().gradient(theta, grad);
    }

    @Override
    public void step(double[] theta, double[] y, NormalSource normal) {
        int d = theta.length;
        for (int i = 0; i < d; i++) {
            double yi = y[i] - halfH * grad[i];
            theta[i] += drift * yi + noise[i] * normal.next();
            y[i] = decay * yi;
        }
        problem.loss().gradient(theta, grad);
        for (int i = 0; i < d; i++) {
            y[i] -= halfH * grad[i];
        }
    }
}
