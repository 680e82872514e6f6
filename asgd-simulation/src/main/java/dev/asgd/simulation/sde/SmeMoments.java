package dev.asgd.simulation.sde;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.simulation.SeriesPoint;
import dev.asgd.theory.sme.LinearSme;
import dev.asgd.theory.sme.Matrix2;
import java.util.ArrayList;
import java.util.List;

/**
 * The SME's exact moments on the unperturbed quadratic, on the ASGD step axis: per coordinate the
 * mean exp(A t) z_0 (the mean ODE) and the covariance Sigma(t) (the Lyapunov differential
 * equation, closed form of {@link LinearSme}), at t = k deltaT; in the limit the stationary
 * covariance of the algebraic Lyapunov equation. Theta's mean is deterministic at t = 0 (zero
 * initial covariance).
 */
public final class SmeMoments {
    private static final Matrix2 ZERO = new Matrix2(0, 0, 0, 0);

    private SmeMoments() {
    }

    /**
     * @param problem the SME (unperturbed)
     * @param steps K
     * @param every record interval (steps 0, every, ..., K)
     * @return exact records with {@code time} set and no standard errors
     */
    public static List<SeriesPoint> series(SdeProblem problem, long steps, long every) {
        requireLinear(problem);
        int d = problem.dimension();
        LinearSme[] modes = new LinearSme[d];
        for (int i = 0; i < d; i++) {
            modes[i] = problem.linearSme(i);
        }
        double[] star = problem.loss().minimizer();
        double[] theta0 = problem.theta0();
        double[] y0 = problem.y0();
        double[] omega = problem.omega0();
        double deltaT = problem.deltaT();
        List<SeriesPoint> out = new ArrayList<>();
        for (long k = 0; ; k = Math.min(steps, k + every)) {
            double t = k * deltaT;
            double[] mean = new double[d];
            double[] per = new double[d];
            double total = 0;
            double loss = 0;
            for (int i = 0; i < d; i++) {
                double m = modes[i].mean(t, theta0[i] - star[i], y0[i])[0];
                double v = modes[i].covariance(t, ZERO).a();
                mean[i] = m + star[i];
                per[i] = m * m + v;
                total += per[i];
                loss += 0.5 * omega[i] * omega[i] * per[i];
            }
            out.add(SdeEnsemble.withTime(SeriesPoint.exact(k, mean, per, total, loss), t));
            if (k == steps) {
                return out;
            }
        }
    }

    /**
     * @param problem the SME (unperturbed)
     * @return lim E (Theta_i - theta*_i)^2 per coordinate: (1, 1) of the Lyapunov equation's solution
     */
    public static double[] stationarySecondMomentPerCoordinate(SdeProblem problem) {
        requireLinear(problem);
        double[] out = new double[problem.dimension()];
        for (int i = 0; i < out.length; i++) {
            out[i] = problem.linearSme(i).stationaryCovariance().a();
        }
        return out;
    }

    /**
     * @param problem the SME (unperturbed)
     * @return lim E |Theta - theta*|^2
     */
    public static double stationarySecondMoment(SdeProblem problem) {
        double s = 0;
        for (double v : stationarySecondMomentPerCoordinate(problem)) {
            s += v;
        }
        return s;
    }

    private static void requireLinear(SdeProblem problem) {
        if (!problem.linear()) {
            throw new InvalidParameterException("perturbation", problem.loss().perturbation().spec(),
                    "none for the exact SME moments (a perturbed SME is simulated)");
        }
    }
}
