package dev.asgd.training.engine;

import dev.asgd.core.InvalidParameterException;

/**
 * The channel to a {@link ParameterServer} in this JVM, for the workers of one run: the threads
 * engine's worker threads use it directly, a remote channel's server (the Spark engine's RPC
 * server on the driver) forwards to it. Reads take no lock (the server's published view); async
 * and ssp pushes are checked against each worker's next step under a per-worker lock (a retried
 * remote worker may push a step again) and applied by the server; ssp reads wait on the server's
 * clocks. Sync pushes fill the current round's slots; the last one averages the round in worker
 * order ({@link WorkerLoop.SyncRound}) and applies it as one update, and a worker's read waits
 * until the round it pushed into is applied.
 *
 * <p>Over a {@linkplain #pullingCreatedVersions pulling} channel (the threads engine's) an async
 * worker computes its next gradient at the version its own push created, as a parameter server's
 * push-and-pull does in one exchange, rather than at the newest: the version it wrote is in its own
 * core's cache, while the newest is about half of the time one another core has just written, whose
 * 8 x dimension bytes would cross between the cores before the gradient could start. The staleness
 * is recorded exactly either way (version at apply minus version read). Such a read takes the
 * worker's own slot lock (uncontended: only the worker's thread uses it), not the server's.
 */
public final class LocalParameterChannel implements ParameterChannel {
    private final ParameterServer server;
    private final Mode mode;
    /** Per worker: its next step, and the lock of its pushes. */
    private final Slot[] slots;
    private final WorkerLoop.SyncRound round;
    private final boolean pulling;
    /** The iterate average the workers add their created versions to (pulling channels), or null. */
    private final IterateAverage average;
    private int filled;

    /**
     * @param server the run's server (each worker's next step is its applied gradients so far)
     * @param mode async, ssp:S or sync (not hogwild: its workers share memory, not a server)
     * @param workers M
     */
    public LocalParameterChannel(ParameterServer server, Mode mode, int workers) {
        this(server, mode, workers, false, null);
    }

    private LocalParameterChannel(ParameterServer server, Mode mode, int workers, boolean pulling,
            IterateAverage average) {
        if (mode.kind() == Mode.Kind.HOGWILD) {
            throw new InvalidParameterException("mode", mode.toString(), "async, ssp:S or sync (hogwild has no server)");
        }
        this.server = server;
        this.mode = mode;
        long[] applied = server.appliedPerWorker();
        this.slots = new Slot[workers];
        for (int w = 0; w < workers; w++) {
            slots[w] = new Slot(applied[w]);
        }
        this.round = new WorkerLoop.SyncRound(server, workers);
        this.pulling = pulling && mode.kind() == Mode.Kind.ASYNC;
        if (average != null && !this.pulling) {
            throw new IllegalArgumentException("only async workers over a pulling channel add to the average");
        }
        this.average = average;
    }

    /**
     * @param session the run
     * @return the channel to its server, in its mode
     */
    public static LocalParameterChannel of(TrainingSession session) {
        return new LocalParameterChannel(session.server(), session.config().mode(), session.config().workers());
    }

    /**
     * @param server the run's server
     * @param mode async, ssp:S or sync
     * @param workers M
     * @return the channel to the server, in its mode; in async mode a worker's read after its push
     *     gives the version that push created (see the class comment)
     */
    public static LocalParameterChannel pullingCreatedVersions(ParameterServer server, Mode mode, int workers) {
        return pullingCreatedVersions(server, mode, workers, null);
    }

    /**
     * A pulling channel whose workers also add the versions their pushes create to the run's
     * iterate average, each to its own part, outside the server's lock ({@link
     * TrainingSession#averageByWorkers}): under the lock that running mean (as many operations as
     * the update itself) was serial time of every update in the averaged tail.
     *
     * @param server the run's server
     * @param mode async, ssp:S or sync (only async workers pull, and only they may add to an average)
     * @param workers M
     * @param average the average, every worker with a part of its own ({@link IterateAverage#partPerWorker()}),
     *     or null (none)
     * @return the channel
     * @throws IllegalArgumentException for an average with another mode, or one whose workers share parts
     */
    public static LocalParameterChannel pullingCreatedVersions(ParameterServer server, Mode mode, int workers,
            IterateAverage average) {
        if (average != null && !average.partPerWorker()) {
            throw new IllegalArgumentException("workers that share parts of the average cannot add to it concurrently");
        }
        return new LocalParameterChannel(server, mode, workers, true, average);
    }

    /** @return the server behind the channel */
    public ParameterServer server() {
        return server;
    }

    @Override
    public long nextStep(int worker) {
        Slot slot = slots[worker];
        synchronized (slot) {
            return slot.next;
        }
    }

    @Override
    public ParameterServer.View read(int worker) throws InterruptedException {
        switch (mode.kind()) {
            case SSP:
                if (!server.awaitClock(worker, mode.bound())) {
                    return null;
                }
                break;
            case SYNC:
                synchronized (this) {
                    while (round.slots[worker] != null && !server.done()) {
                        wait(50);
                    }
                }
                break;
            default:
                if (pulling) {
                    ParameterServer.View created = slots[worker].takeCreated();
                    if (created != null) {
                        // null once the run is over, also when another worker's update reached the target
                        return server.view() == null ? null : created;
                    }
                }
                break;
        }
        return server.view(worker);
    }

    @Override
    public Push push(Gradient g) {
        int w = g.worker();
        if (mode.kind() == Mode.Kind.SYNC) {
            return pushToRound(g);
        }
        Slot slot = slots[w];
        synchronized (slot) {
            if (g.workerStep() < slot.next) {
                return Push.DUPLICATE;
            }
            if (g.workerStep() > slot.next) {
                throw new IllegalStateException("worker " + w + " pushed step " + g.workerStep() + " before step "
                        + slot.next);
            }
            if (pulling) {
                ParameterServer.View created = server.applyAndView(g);
                slot.created = created;
                if (created == null) {
                    return Push.STOP;
                }
                if (average != null) {
                    // the worker's own part, outside the server's lock; the version is held for this worker
                    average.add(created.version(), w, created.params());
                }
            } else if (server.apply(g) < 0) {
                return Push.STOP;
            }
            slot.next++;
            return Push.APPLIED;
        }
    }

    private synchronized Push pushToRound(Gradient g) {
        int w = g.worker();
        if (server.done()) {
            return Push.STOP;
        }
        if (g.readVersion() != server.version() || round.slots[w] != null) {
            return Push.DUPLICATE;
        }
        round.slots[w] = g;
        if (++filled == round.slots.length) {
            try {
                round.run();
            } finally {
                java.util.Arrays.fill(round.slots, null);
                filled = 0;
                notifyAll();
            }
        }
        return Push.APPLIED;
    }

    /** Wakes the workers waiting for their clock (a worker that ends may be the slowest). */
    @Override
    public void leave(int worker) {
        server.release(worker);
        server.wakeAll();
    }

    /**
     * A worker's next step and the lock of its pushes, padded to 128 bytes: two workers' slots on
     * one cache line would make every push of one invalidate the other's (measured: least squares
     * async M = 2 at 0.8x M = 1 instead of 1.8x, with the server's per-reader versions on one line).
     */
    @SuppressWarnings("unused")
    private static final class Slot {
        long next;
        /** The version the worker's last push created, until its next read (pulling channels). */
        ParameterServer.View created;
        private long p1;
        private long p2;
        private long p3;
        private long p4;
        private long p5;
        private long p6;
        private long p7;
        private long p8;
        private long p9;
        private long p10;
        private long p11;
        private long p12;
        private long p13;
        private long p14;

        Slot(long next) {
            this.next = next;
        }

        synchronized ParameterServer.View takeCreated() {
            ParameterServer.View v = created;
            created = null;
            return v;
        }
    }
}
