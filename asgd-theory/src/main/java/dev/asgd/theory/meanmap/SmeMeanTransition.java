package dev.asgd.theory.meanmap;

import dev.asgd.theory.SmeParameters;
import dev.asgd.theory.sme.LinearSme;
import dev.asgd.theory.sme.Matrix2;

/**
 * The SME's exact one-step mean map exp(A deltaT) of one quadratic mode (a matrix exponential, not
 * the closed form of mu): its decay exponent and the kind of its eigenvalues.
 */
public final class SmeMeanTransition {
    private SmeMeanTransition() {
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @return exp(A deltaT) of the noiseless SME
     */
    public static Matrix2 of(double eta, double kappa, double omega0) {
        SmeParameters sme = SmeParameters.of(eta, kappa, omega0, 0);
        return LinearSme.of(sme, omega0).drift().exp(sme.deltaT());
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @return the decay exponent of the squared mean per ASGD step, -2 ln rho(exp(A deltaT))
     */
    public static double decayPerStep(double eta, double kappa, double omega0) {
        return -2 * Math.log(of(eta, kappa, omega0).spectralRadius());
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @return the decay exponent of the squared mean per unit SME time, -2 ln rho(exp(A deltaT)) / deltaT
     */
    public static double decayPerUnitTime(double eta, double kappa, double omega0) {
        SmeParameters sme = SmeParameters.of(eta, kappa, omega0, 0);
        return decayPerStep(eta, kappa, omega0) / sme.deltaT();
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @return whether exp(A deltaT) has a complex eigenvalue pair (the SME is underdamped)
     */
    public static boolean complex(double eta, double kappa, double omega0) {
        return of(eta, kappa, omega0).complexEigenvalues();
    }
}
