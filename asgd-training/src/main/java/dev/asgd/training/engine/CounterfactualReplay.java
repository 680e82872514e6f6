package dev.asgd.training.engine;

import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * What a recorded asynchronous run would have done at another learning rate: the same
 * interleaving of reads and applies (each update's worker, minibatch step and read version), in
 * one thread, at rate eta. At the recorded rate and policy this is the run itself, bit for bit.
 *
 * <p>The threads engine's ordering does not depend on eta: a gradient's cost (a pass over a
 * minibatch) is the same whatever the parameters' values, so a run at another eta has a schedule of
 * the same law, and the replay isolates the effect of eta on this one realisation. (An engine whose
 * compute time depended on the values, e.g. sparse updates or subnormal arithmetic near the
 * optimum, would break this; so would a learning-rate policy that changes the workers' pace.)
 */
public final class CounterfactualReplay {
    /**
     * One replay.
     *
     * @param eta the learning rate replayed
     * @param series the metric series (up to the divergence, if any)
     * @param finalParams the parameters at the end, or null after a divergence
     * @param divergedAt the update at which it diverged, or -1
     * @param divergence the divergence message, or null
     */
    public record Outcome(double eta, List<MetricPoint> series, double[] finalParams, long divergedAt,
            String divergence) {
        /** Copies. */
        public Outcome {
            series = List.copyOf(series);
        }

        /** @return whether the replay diverged */
        public boolean diverged() {
            return divergedAt >= 0;
        }
    }

    private CounterfactualReplay() {
    }

    /**
     * Replays the schedule at each learning rate, in turn.
     *
     * @param schedule the schedule (recorded, or {@link ScheduleLog#toSchedule} of a run)
     * @param recorded the settings of the recorded run
     * @param problem the loss
     * @param data the data
     * @param etas the learning rates
     * @param divergenceFactor as {@link TrainingSession.Options#divergenceFactor()}
     * @return one outcome per eta
     */
    public static List<Outcome> sweep(Schedule schedule, TrainingConfig recorded, Problem problem, TrainTest data,
            double[] etas, double divergenceFactor) {
        List<Outcome> out = new ArrayList<>();
        for (double eta : etas) {
            out.add(replay(schedule, recorded.withEta(eta), problem, data, divergenceFactor));
        }
        return out;
    }

    /**
     * @param schedule the schedule
     * @param config the settings to replay with (the recorded ones, at any eta and policy)
     * @param problem the loss
     * @param data the data
     * @param divergenceFactor as {@link TrainingSession.Options#divergenceFactor()}
     * @return the outcome; a divergence is an outcome, not an exception
     */
    public static Outcome replay(Schedule schedule, TrainingConfig config, Problem problem, TrainTest data,
            double divergenceFactor) {
        TrainingSession session = TrainingSession.start(config, problem, data,
                TrainingSession.Options.none().withDivergenceFactor(divergenceFactor));
        try {
            RunResult r = new ReplayEngine(schedule, true).run(session);
            return new Outcome(config.eta(), r.series(), r.params(), -1, null);
        } catch (NumericalDivergenceException e) {
            return new Outcome(config.eta(), session.seriesSoFar(), null, e.step(), e.getMessage());
        }
    }
}
