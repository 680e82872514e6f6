package dev.asgd.fokkerplanck;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.Require;
import dev.asgd.theory.SmeParameters;

/**
 * The initial density g(0, x, v) of (2.4): a Gaussian per coordinate (the coordinates start
 * independent), given in the phase-space variables x = y, v = -omega0^2 theta - gamma y.
 */
public sealed interface InitialCondition {

    /** @return the name used in the output: shifted, centred or gaussian */
    String label();

    /**
     * @param problem the problem
     * @param c a coordinate
     * @param steadyMean the steady state's mean (x, v) of that coordinate
     * @return the Gaussian (x, v) law of coordinate c at t = 0
     */
    PhaseGaussian state(FokkerPlanckProblem problem, int c, double[] steadyMean);

    /**
     * The equilibrium M moved to the SME's initial point: theta = theta0 and, as for a constant
     * history, Y_0 = -sqrt(eta / (1 - kappa)) grad f(theta0) = -grad f(theta0) / gamma, so
     * x0 = Y_0 and v0 = -omega0^2 theta0 - gamma x0. Its mean is off, its covariance is M's: the
     * degree-1 (mean) modes are excited and ||h||_*^2 decays like exp(-2 muSharp t).
     *
     * @param theta0 the initial parameter per coordinate
     */
    record Shifted(double[] theta0) implements InitialCondition {
        /** Validates and copies. */
        public Shifted {
            for (double t : theta0) {
                Require.finite(t, "theta0");
            }
            theta0 = theta0.clone();
        }

        @Override
        public String label() {
            return "shifted";
        }

        @Override
        public PhaseGaussian state(FokkerPlanckProblem p, int c, double[] steadyMean) {
            double w = p.omega0()[c];
            SmeParameters s = p.sme(c);
            double t0 = theta0.length == 1 ? theta0[0] : theta0[c];
            double grad = w * w * t0 + p.perturbation().value(t0);
            double x0 = -grad / s.gamma();
            double v0 = -w * w * t0 - s.gamma() * x0;
            return new PhaseGaussian(x0, v0, 1 / (s.beta() * w * w), 0, 1 / s.beta());
        }
    }

    /**
     * Mean at the steady state's, covariance {@code varianceRatio} times M's: only even modes
     * (degree 2 first) are excited, and ||h||_*^2 decays like exp(-2 muPaper t) = exp(-4 muSharp t):
     * the initial data for which the printed rate is attained. The ratio must lie in (0, 2), for
     * g / M to be in L^2(M).
     *
     * @param varianceRatio the covariance relative to M's
     */
    record Centred(double varianceRatio) implements InitialCondition {
        /** Validates. */
        public Centred {
            if (!(varianceRatio > 0 && varianceRatio < 2) || varianceRatio == 1) {
                throw new InvalidParameterException("variance-ratio", varianceRatio,
                        "0 < ratio < 2 and ratio != 1 (g0/M must be in L^2(M) and differ from M)");
            }
        }

        @Override
        public String label() {
            return "centred";
        }

        @Override
        public PhaseGaussian state(FokkerPlanckProblem p, int c, double[] steadyMean) {
            double w = p.omega0()[c];
            double beta = p.sme(c).beta();
            return new PhaseGaussian(steadyMean[0], steadyMean[1], varianceRatio / (beta * w * w), 0,
                    varianceRatio / beta);
        }
    }

    /**
     * A general Gaussian, the same for every coordinate.
     *
     * @param law its mean and covariance in (x, v)
     */
    record Gaussian(PhaseGaussian law) implements InitialCondition {
        @Override
        public String label() {
            return "gaussian";
        }

        @Override
        public PhaseGaussian state(FokkerPlanckProblem p, int c, double[] steadyMean) {
            return law;
        }
    }

    /**
     * A Gaussian law of one coordinate's (x, v).
     *
     * @param meanX mean of x
     * @param meanV mean of v
     * @param varX variance of x, {@code > 0}
     * @param covXV covariance of x and v
     * @param varV variance of v, {@code > 0}
     */
    record PhaseGaussian(double meanX, double meanV, double varX, double covXV, double varV) {
        /** Validates: finite, positive definite. */
        public PhaseGaussian {
            Require.finite(meanX, "mean");
            Require.finite(meanV, "mean");
            Require.positiveFinite(varX, "covariance");
            Require.positiveFinite(varV, "covariance");
            Require.finite(covXV, "covariance");
            if (!(varX * varV - covXV * covXV > 0)) {
                throw new InvalidParameterException("covariance", varX + "," + covXV + "," + varV,
                        "a positive definite covariance varX,covXV,varV");
            }
        }

        /**
         * @param omega0 the coordinate's omega0
         * @param beta its beta
         * @return the mean in the scaled variables xi = sqrt(beta) omega0 x, eta = sqrt(beta) v
         */
        public double[] scaledMean(double omega0, double beta) {
            double sb = Math.sqrt(beta);
            return new double[] {sb * omega0 * meanX, sb * meanV};
        }

        /**
         * @param omega0 the coordinate's omega0
         * @param beta its beta
         * @return the covariance in the scaled variables
         */
        public double[][] scaledCovariance(double omega0, double beta) {
            return new double[][] {{beta * omega0 * omega0 * varX, beta * omega0 * covXV},
                {beta * omega0 * covXV, beta * varV}};
        }
    }
}
