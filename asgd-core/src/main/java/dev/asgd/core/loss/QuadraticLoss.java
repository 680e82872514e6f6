package dev.asgd.core.loss;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.Require;
import dev.asgd.core.perturbation.NoPerturbation;
import dev.asgd.core.perturbation.Perturbation;
import java.util.Arrays;

/**
 * The perturbed quadratic of Zhu and Ying (section 2) with a diagonal Hessian:
 * <pre>
 *   f(theta) = sum_i [ omega_i^2 x_i^2 / 2 + E(x_i) ],   x = theta - theta*,
 *   grad f(theta)_i = omega_i^2 x_i + eps(x_i),          E' = eps, E(0) = 0.
 * </pre>
 * Every perturbation family is odd, so theta* stays a critical point; it is the unique minimizer
 * (and f* = 0) when omega_i^2 &gt; sup |eps'| for all i, which the constructor does not demand:
 * {@link #minimumValue()} is f(theta*) = 0 and excess losses are measured against it.
 */
public final class QuadraticLoss implements Loss {
    private final double[] omega2;
    private final double[] thetaStar;
    private final Perturbation perturbation;
    private final boolean plain;

    /**
     * @param omega0 square roots of the Hessian eigenvalues, each &gt; 0 (copied)
     * @param thetaStar the minimizer, same length (copied)
     * @param perturbation eps
     */
    public QuadraticLoss(double[] omega0, double[] thetaStar, Perturbation perturbation) {
        double[] w = Require.positiveFiniteAll(omega0, "omega0");
        if (thetaStar == null || thetaStar.length != w.length) {
            throw new InvalidParameterException("thetaStar", thetaStar == null ? "null" : Arrays.toString(thetaStar),
                    w.length + " values (one per coordinate of omega0)");
        }
        for (double t : thetaStar) {
            Require.finite(t, "thetaStar");
        }
        this.omega2 = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            omega2[i] = w[i] * w[i];
        }
        this.thetaStar = thetaStar.clone();
        this.perturbation = perturbation == null ? NoPerturbation.INSTANCE : perturbation;
        this.plain = this.perturbation.isZero();
    }

    /**
     * @param omega0 square roots of the Hessian eigenvalues
     * @return the unperturbed quadratic with theta* = 0
     */
    public static QuadraticLoss of(double... omega0) {
        return new QuadraticLoss(omega0, new double[omega0.length], NoPerturbation.INSTANCE);
    }

    @Override
    public int dimension() {
        return omega2.length;
    }

    @Override
    public double value(double[] theta) {
        double f = 0;
        for (int i = 0; i < omega2.length; i++) {
            double x = theta[i] - thetaStar[i];
            f += 0.5 * omega2[i] * x * x;
            if (!plain) {
                f += PerturbationPotential.of(perturbation, x);
            }
        }
        return f;
    }

    @Override
    public void gradient(double[] theta, double[] out) {
        if (plain) {
            for (int i = 0; i < omega2.length; i++) {
                out[i] = omega2[i] * (theta[i] - thetaStar[i]);
            }
        } else {
            for (int i = 0; i < omega2.length; i++) {
                double x = theta[i] - thetaStar[i];
                out[i] = omega2[i] * x + perturbation.value(x);
            }
        }
    }

    @Override
    public double[] minimizer() {
        return thetaStar.clone();
    }

    @Override
    public double minimumValue() {
        return 0;
    }

    /** @return a copy of the Hessian eigenvalues omega_i^2 */
    public double[] hessianDiagonal() {
        return omega2.clone();
    }

    /** @return eps */
    public Perturbation perturbation() {
        return perturbation;
    }

    /** @return true when eps = 0 (the exact moment recursions apply) */
    public boolean isUnperturbed() {
        return plain;
    }
}
