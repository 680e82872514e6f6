package dev.asgd.simulation.sde;

/**
 * Euler-Maruyama for (2.2), weak order 1 (Kloeden and Platen, section 14.1):
 * <pre>
 *   Theta' = Theta + h Y + tau sqrt(h) xi,
 *   Y'     = Y - h (grad f(Theta) + gamma Y),     xi ~ N(0, I).
 * </pre>
 * For the quadratic it is stable only for h below about gamma / omega^2 and 2 / gamma.
 */
public final class EulerMaruyamaIntegrator implements SdeScheme {
    private final SdeProblem problem;
    private final double h;
    private final double gamma;
    private final double[] noise;
    private final double[] grad;

    /**
     * @param problem the SME
     * @param h the step
     */
    public EulerMaruyamaIntegrator(SdeProblem problem, double h) {
        this.problem = problem;
        this.h = h;
        this.gamma = problem.gamma();
        this.noise = problem.tau();
        for (int i = 0; i < noise.length; i++) {
            noise[i] *= Math.sqrt(h);
        }
        this.grad = new double[problem.dimension()];
    }

    @Override
    public void step(double[] theta, double[] y, NormalSource normal) {
        problem.loss().gradient(theta, grad);
        for (int i = 0; i < theta.length; i++) {
            double yi = y[i];
            theta[i] += h * yi + noise[i] * normal.next();
            y[i] = yi - h * (grad[i] + gamma * yi);
        }
    }
}
