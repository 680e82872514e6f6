package dev.asgd.theory.moments;

/**
 * The exact moments at one step.
 *
 * @param step k
 * @param mean E theta_k per coordinate
 * @param secondMomentPerCoordinate E (theta_{k,i} - theta*_i)^2
 * @param secondMoment E |theta_k - theta*|^2, their sum
 * @param excessLoss E f(theta_k) - f* = sum_i omega_i^2 E (theta_{k,i} - theta*_i)^2 / 2
 */
public record MomentPoint(long step, double[] mean, double[] secondMomentPerCoordinate, double secondMoment,
        double excessLoss) {
}
