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
 * {@link EdgeSweep} measures the real edge: real threaded runs over a grid of learning rates and
 * seeds, refined by bisection.
 */
package dev.asgd.training.predict;
