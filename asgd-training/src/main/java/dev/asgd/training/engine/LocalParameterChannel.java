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
 */
public final class LocalParameterChannel implements ParameterChannel {
    private final ParameterServer server;
    private final Mode mode;
    private final long[] next;
    private final Object[] locks;
    private final WorkerLoop.SyncRound round;
    private int filled;

    /**
     * @param server the run's server (each worker's next step is its applied gradients so far)
     * @param mode async, ssp:S or sync (not hogwild: its workers share memory, not a server)
     * @param workers M
     */
    public LocalParameterChannel(ParameterServer server, Mode mode, int workers) {
        if (mode.kind() == Mode.Kind.HOGWILD) {
            throw new InvalidParameterException("mode", "hogwild", "async, ssp:S or sync (hogwild has no server)");
        }
        this.server = server;
        this.mode = mode;
        this.next = server.appliedPerWorker();
        this.locks = new Object[workers];
        for (int w = 0; w < workers; w++) {
            locks[w] = new Object();
        }
        this.round = new WorkerLoop.SyncRound(server, workers);
    }

    /**
     * @param session the run
     * @return the channel to its server, in its mode
     */
    public static LocalParameterChannel of(TrainingSession session) {
        return new LocalParameterChannel(session.server(), session.config().mode(), session.config().workers());
    }

    /** @return the server behind the channel */
    public ParameterServer server() {
        return server;
    }

    @Override
    public long nextStep(int worker) {
        synchronized (locks[worker]) {
            return next[worker];
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
        synchronized (locks[w]) {
            if (g.workerStep() < next[w]) {
                return Push.DUPLICATE;
            }
            if (g.workerStep() > next[w]) {
                throw new IllegalStateException("worker " + w + " pushed step " + g.workerStep() + " before step " + next[w]);
            }
            if (server.apply(g) < 0) {
                return Push.STOP;
            }
            next[w]++;
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
}
