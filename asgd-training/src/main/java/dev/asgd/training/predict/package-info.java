/**
 * The theory of the user's own run: what the staleness a run measured predicts for its decay and
 * its stability edge, at three levels of modelling, beside what real runs did.
 * <ul>
 * <li>the paper's model: the geometric law P(tau = l) = (1 - kappa) kappa^l fitted to the run
 *     (Zhu and Ying, section 2), additive noise, the exact discrete mean rate (THEORY-NOTES
 *     section 5);</li>
 * <li>the measured law: the run's staleness histogram as an i.i.d. law, with the minibatch
 *     gradient noise of the actual data and batch (multiplicative: the sampled Hessian varies),
 *     through the exact lag-augmented moment recursions of {@code dev.asgd.theory.sampled};</li>
 * <li>the measured sequence: the run's own interleaving of reads and applies, replayed at other
 *     learning rates ({@link dev.asgd.training.engine.CounterfactualReplay}); the same sequence
 *     shuffled is the i.i.d. law realised, so the two replays measure what the serial correlation
 *     of real staleness (a queue of M workers) does.</li>
 * </ul>
 * The measured law's model is built from the run's problem at its optimum ({@link
 * LocalQuadraticTheory}): exact for least squares; for logistic regression the local quadratic
 * model at theta* (per-sample Hessians p_i (1 - p_i) z_i z_i^T + D, per-sample gradients
 * (p_i - y_i) z_i + D theta*), whose predictions cover the late phase of a run.
 * {@link EdgeSweep} measures the real edge: real threaded runs over a grid of learning rates and
 * seeds, refined by bisection (for logistic regression with a late-loss criterion of instability,
 * since its loss does not blow up above the edge).
 */
package dev.asgd.training.predict;
