package dev.asgd.training.engine;

import dev.asgd.core.InvalidParameterException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a recorded asynchronous run in one thread, bit for bit: for each update of the
 * schedule, in apply order, the gradient of the recorded worker and step is computed at the
 * recorded read version and applied by the same server code. Only the parameter versions that a
 * later update still reads are kept (at most about the number of updates in flight of the
 * recorded run), each dropped after its last reader.
 */
public final class ReplayEngine implements Engine {
    private final Schedule schedule;
    private final boolean otherRate;

    /** @param schedule the recorded schedule, replayed with the settings it was recorded with */
    public ReplayEngine(Schedule schedule) {
        this(schedule, false);
    }

    /**
     * @param schedule the recorded schedule
     * @param otherRate whether the learning rate and policy may differ from the recorded ones (a
     *     counterfactual replay: the same interleaving of reads and applies at another rate)
     */
    public ReplayEngine(Schedule schedule, boolean otherRate) {
        this.schedule = schedule;
        this.otherRate = otherRate;
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public RunResult run(TrainingSession session) {
        replay(session, session.computer());
        return session.finish(name(), session.server().snapshot(), session.server().version());
    }

    /**
     * Applies the schedule's updates on the calling thread, each gradient computed by a computer
     * (this JVM's, or a cluster's: the Spark engine replays through here).
     *
     * @param session the run's driver-side state, at version 0
     * @param computer how the gradients are computed
     * @throws InvalidParameterException naming {@code replay} when the schedule does not fit the run
     */
    public void replay(TrainingSession session, GradientComputer computer) {
        TrainingConfig c = session.config();
        boolean same = otherRate
                ? TrainingConfig.withoutRate(schedule.fingerprint()).equals(TrainingConfig.withoutRate(c.fingerprint()))
                : schedule.fingerprint().equals(c.fingerprint());
        if (!same) {
            throw new InvalidParameterException("replay", schedule.fingerprint(), "a schedule recorded with the same"
                    + " settings" + (otherRate ? " apart from --eta and --lr-policy: " : ": ") + c.fingerprint());
        }
        List<Schedule.Entry> entries = schedule.entries();
        if (entries.size() != c.updates() || session.server().version() != 0) {
            throw new InvalidParameterException("replay", entries.size() + " updates",
                    "a complete schedule of " + c.updates() + " updates replayed from update 0");
        }
        Map<Long, Integer> lastUse = new HashMap<>();
        for (int k = 0; k < entries.size(); k++) {
            Schedule.Entry e = entries.get(k);
            if (e.worker() >= c.workers()) {
                throw new InvalidParameterException("replay", "worker " + e.worker(), "worker < " + c.workers());
            }
            lastUse.put(e.readVersion(), k);
        }
        Map<Long, double[]> kept = new HashMap<>();
        ParameterServer server = session.server();
        if (lastUse.containsKey(0L)) {
            kept.put(0L, server.snapshot());
        }
        boolean keep = c.policy().needsReadParameters();
        GradientComputer.Caller gc = computer.caller("replay");
        for (int k = 0; k < entries.size(); k++) {
            Schedule.Entry e = entries.get(k);
            double[] read = kept.get(e.readVersion());
            if (read == null) {
                throw new InvalidParameterException("replay", "update " + (k + 1),
                        "a read version at or before the current one (" + e.readVersion() + ")");
            }
            if (lastUse.get(e.readVersion()) == k) {
                kept.remove(e.readVersion());
            }
            Gradient g = gc.compute(e.worker(), e.step(), e.readVersion(), read, keep);
            server.apply(g);
            long v = server.version();
            if (lastUse.containsKey(v)) {
                kept.put(v, server.snapshot());
            }
        }
    }
}
