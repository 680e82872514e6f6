package dev.asgd.training.predict;

/**
 * What the subspace model of a run ({@link LocalQuadraticTheory#subspace()}) keeps and leaves out.
 *
 * @param parameters the problem's parameter dimension
 * @param directions the Hessian eigendirections the moment recursion follows
 * @param noiseTrace tr Cov(c_B) at theta*, every direction
 * @param bulkNoiseTrace its part outside the kept directions
 * @param bulkFloor the bulk's stationary excess loss at the run's rate, (eta / 4) bulkNoiseTrace
 * @param optimumGradientNorm the norm of the full training gradient at the theta* used
 * @param smallestRitzValue the smallest Lanczos Ritz value (the bottom of the bulk)
 */
public record SubspaceSummary(int parameters, int directions, double noiseTrace, double bulkNoiseTrace, double bulkFloor,
        double optimumGradientNorm, double smallestRitzValue) {
    /**
     * @param t the theory
     * @param eta the rate
     * @return its summary, or null when the model is exact on every direction
     */
    public static SubspaceSummary of(LocalQuadraticTheory t, double eta) {
        return !t.subspace() ? null : new SubspaceSummary(t.thetaStar().length, t.modelDimension(), t.totalNoise(),
                t.bulkNoise(), t.bulkFloor(eta), t.optimumGradientNorm(), t.smallestEigenvalue());
    }
}
