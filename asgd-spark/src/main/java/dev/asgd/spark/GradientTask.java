package dev.asgd.spark;

import dev.asgd.training.engine.Gradient;
import dev.asgd.training.engine.LocalGradientComputer;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * The body of a gradient task: on its partition's cached shard, the minibatch gradient at the
 * broadcast parameters, minibatch drawn by {@code MinibatchSampler} from (seed, partition, step).
 * Nothing here depends on the attempt number except the injected failure, so a retried task
 * returns the same bits; nothing is written anywhere (the driver applies the result).
 *
 * @param problem the problem, rebuilt on the executor
 * @param batch rows per minibatch
 * @param seed the run's seed
 * @param step the minibatch step
 * @param version the version of the parameters
 * @param params the parameters
 * @param failureProbability of the task's first attempt (injected failures)
 */
record GradientTask(ProblemSpec problem, int batch, long seed, long step, long version, Broadcast<double[]> params,
        double failureProbability) implements Function2<Integer, Iterator<Shard>, Iterator<TaskGradient>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<TaskGradient> call(Integer partition, Iterator<Shard> shards) {
        TaskContext ctx = TaskContext.get();
        int attempt = ctx == null ? 0 : ctx.attemptNumber();
        if (InjectedTaskFailure.fails(seed, partition, step, attempt, failureProbability)) {
            throw new InjectedTaskFailure(partition, step, attempt);
        }
        Shard shard = shards.next();
        LocalGradientComputer computer = new LocalGradientComputer(problem.create(), shard.dataset(), batch, seed);
        Gradient g = computer.compute(partition, step, version, params.value(), false);
        return List.of(new TaskGradient(partition, step, version, g.values(), g.batchLoss())).iterator();
    }
}
