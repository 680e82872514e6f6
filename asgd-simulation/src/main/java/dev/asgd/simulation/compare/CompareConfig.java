package dev.asgd.simulation.compare;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.Require;
import dev.asgd.core.staleness.StalenessDistribution;
import dev.asgd.simulation.sde.SchemeKind;
import dev.asgd.simulation.sde.SdeProblem;

/**
 * One SME-versus-ASGD comparison: the model (as the SME's problem, whose eta, kappa, loss, sigma
 * and theta_0 are also ASGD's), ASGD's staleness law, the horizon, the Monte Carlo ensembles and
 * the tolerance of the verdict.
 *
 * @param problem the SME (and ASGD's loss, eta, sigma, theta_0)
 * @param staleness ASGD's staleness law (the SME uses the problem's kappa)
 * @param steps horizon K in ASGD steps, &gt;= 1
 * @param every record interval, &gt;= 1; weak errors are taken over the records
 * @param runs chains of each Monte Carlo ensemble, &gt;= 1
 * @param seed seed of the ASGD ensemble; the SME ensemble uses seed + 1 (independent streams)
 * @param threads worker threads (results do not depend on it)
 * @param scheme the SME integrator when the SME is simulated (perturbed loss)
 * @param substeps SME steps per ASGD step when simulated
 * @param divergenceBound bound of both ensembles' divergence checks
 * @param tolerance largest relative weak error for which the SME is said to track ASGD, in (0, 1)
 */
public record CompareConfig(SdeProblem problem, StalenessDistribution staleness, long steps, long every, int runs,
        long seed, int threads, SchemeKind scheme, int substeps, double divergenceBound, double tolerance) {

    /** Validates. */
    public CompareConfig {
        if (problem == null || staleness == null || scheme == null) {
            throw new InvalidParameterException(problem == null ? "problem" : staleness == null ? "staleness"
                    : "scheme", "null", "a value");
        }
        Require.atLeast(steps, 1, "steps");
        Require.atLeast(every, 1, "every");
        Require.atLeast(runs, 1, "runs");
        Require.atLeast(threads, 1, "threads");
        Require.atLeast(substeps, 1, "substeps");
        Require.positiveFinite(divergenceBound, "divergence-bound");
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new InvalidParameterException("tolerance", tolerance, "0 < tolerance < 1");
        }
    }

    /** @return eta */
    public double eta() {
        return problem.eta();
    }

    /**
     * @return eta times the largest omega0^2: the step against the stiffest mode (the SME's regime is
     *     eta omega0^2 small)
     */
    public double etaOmega2() {
        double w = 0;
        for (double x : problem.omega0()) {
            w = Math.max(w, x * x);
        }
        return eta() * w;
    }

    /** How {@link #atEta} chooses each learning rate's horizon, in words (the sweep's JSON carries it). */
    public static final String HORIZON_RULE = "each eta runs K_eta = round(K eta0 / eta) steps, recorded every"
            + " round(every eta0 / eta): the same gradient-flow time eta K as --eta and --steps";

    /**
     * The same comparison at another learning rate over the same gradient-flow time eta K (the
     * natural clock of the small-eta regime, where the slow mode decays like exp(-eta omega^2 k)),
     * with the record interval scaled alike.
     *
     * @param newEta the learning rate
     * @return the scaled comparison
     */
    public CompareConfig atEta(double newEta) {
        Require.positiveFinite(newEta, "sweep-eta");
        double scale = eta() / newEta;
        long k = Math.max(1, Math.round(steps * scale));
        long e = Math.max(1, Math.round(every * scale));
        return new CompareConfig(problem.withEta(newEta), staleness, k, e, runs, seed, threads, scheme, substeps,
                divergenceBound, tolerance);
    }
}
