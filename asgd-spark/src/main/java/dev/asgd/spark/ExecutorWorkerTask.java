package dev.asgd.spark;

import dev.asgd.training.engine.Gradient;
import dev.asgd.training.engine.GradientComputer;
import dev.asgd.training.engine.LocalGradientComputer;
import dev.asgd.training.engine.WorkerDelay;
import dev.asgd.training.engine.WorkerLoop;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;

/**
 * The body of one long-running worker task: on its partition's {@link Shard}, worker p = the
 * partition runs asgd-training's {@link WorkerLoop#work} against the driver's parameter server
 * ({@link RemoteParameterChannel}), computing each minibatch gradient with
 * {@link LocalGradientComputer} (minibatch a function of (seed, worker, step)), until the server says
 * stop. A retried attempt starts from the server's next step for its worker. When the server is in
 * the task's own JVM (a local master) and {@code inJvm}, the task uses the server's channel directly
 * ({@link ParameterRpcServer.InJvmChannel}: no socket, as the threads engine's workers). Its result
 * is what the attempt did.
 *
 * @param address the server
 * @param problem the problem, rebuilt on the executor
 * @param loop what the loop needs: sync, seed, delays (as a spec), M
 * @param batch rows per minibatch
 * @param failureProbability of an attempt (injected failures)
 * @param attempts the attempts a task gets
 * @param horizon the latest push after which an injected failure happens
 * @param connectMillis connect timeout
 * @param inJvm whether a task in the driver's JVM may skip the socket
 */
record ExecutorWorkerTask(ChannelAddress address, ProblemSpec problem, LoopSpec loop, int batch,
        double failureProbability, int attempts, long horizon, int connectMillis, boolean inJvm)
        implements Function2<Integer, Iterator<Shard>, Iterator<ExecutorWorkerTask.Report>> {
    private static final long serialVersionUID = 1L;

    /**
     * The worker loop's settings as plain values.
     *
     * @param sync sync mode
     * @param keepRead whether gradients carry the parameters read (delay compensation; over a socket the
     *     server keeps them instead)
     * @param seed the run's seed
     * @param delay the delay spec
     * @param workers M
     */
    record LoopSpec(boolean sync, boolean keepRead, long seed, String delay, int workers) implements Serializable {
        private static final long serialVersionUID = 1L;

        WorkerLoop.Settings settings(boolean socket) {
            return new WorkerLoop.Settings(sync, keepRead && !socket, seed, WorkerDelay.parse(delay, workers));
        }
    }

    /**
     * What one attempt did.
     *
     * @param worker the worker
     * @param attempt the attempt
     * @param pushes gradients pushed
     * @param duplicates pushes of steps applied before
     * @param computeNanos time spent computing gradients
     * @param pushNanos time spent in pushes (the round trips, the server's apply and its waits included)
     */
    record Report(int worker, int attempt, long pushes, long duplicates, long computeNanos, long pushNanos)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public Iterator<Report> call(Integer partition, Iterator<Shard> shards) throws Exception {
        TaskContext ctx = TaskContext.get();
        int attempt = ctx == null ? 0 : ctx.attemptNumber();
        Shard shard = shards.next();
        LocalGradientComputer computer = new LocalGradientComputer(problem.create(), shard.dataset(), batch, loop.seed());
        long failAfter = InjectedTaskFailure.failAfter(loop.seed(), partition, attempt, failureProbability, attempts, horizon);
        GradientComputer.Caller local = computer.caller("executor");
        long[] computing = {0};
        GradientComputer.Caller timed = (w, step, version, params, keep) -> {
            long t0 = System.nanoTime();
            Gradient g = local.compute(w, step, version, params, keep);
            computing[0] += System.nanoTime() - t0;
            return g;
        };
        ParameterRpcServer.InJvmChannel same = inJvm
                ? ParameterRpcServer.inJvm(address.token(), partition, attempt, failAfter) : null;
        if (same != null) {
            WorkerLoop.work(same, timed, partition, loop.settings(false));
            return List.of(new Report(partition, attempt, same.pushes(), same.duplicates(), computing[0],
                    same.pushNanos())).iterator();
        }
        try (RemoteParameterChannel ch = RemoteParameterChannel.connect(address, address.executorKey(), partition, attempt,
                failAfter, connectMillis)) {
            WorkerLoop.work(ch, timed, partition, loop.settings(true));
            return List.of(new Report(partition, attempt, ch.pushes(), ch.duplicates(), computing[0], ch.pushNanos()))
                    .iterator();
        }
    }
}
