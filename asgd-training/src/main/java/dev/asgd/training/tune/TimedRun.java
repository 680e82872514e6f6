package dev.asgd.training.tune;

/**
 * One real run timed to a target: wall time from the workers' start to the first sampled version
 * whose metric meets the target (the parameters are sampled while the run goes on and evaluated
 * afterwards, so evaluation costs the run no CPU).
 *
 * @param workers M
 * @param eta the constant learning rate
 * @param seed the seed of the minibatches
 * @param updates the updates of the run (its budget)
 * @param seconds the run's wall time from the workers' start
 * @param startSeconds wall time from the workers' start to the first applied update (thread start,
 *     scheduling: on a loaded machine tens of milliseconds)
 * @param updatesPerSecond updates / (seconds - startSeconds)
 * @param meanStaleness mean staleness over the run
 * @param histogram the staleness histogram over all workers
 * @param diverged whether the run stopped on a divergence
 * @param updatesToTarget the first sampled version that met the target, -1 if none
 * @param secondsToTarget its wall time, NaN if none
 * @param initialLoss the training loss at theta = 0
 * @param lossAtTarget the training loss at that version, NaN if none
 */
public record TimedRun(int workers, double eta, long seed, long updates, double seconds, double startSeconds,
        double updatesPerSecond,
        double meanStaleness, long[] histogram, boolean diverged, long updatesToTarget, double secondsToTarget,
        double initialLoss, double lossAtTarget) {
    /** Copies. */
    public TimedRun {
        histogram = histogram.clone();
    }

    @Override
    public long[] histogram() {
        return histogram.clone();
    }

    /** @return whether the target was met */
    public boolean reached() {
        return updatesToTarget >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimedRun r && r.workers == workers && r.eta == eta && r.seed == seed
                && java.util.Arrays.equals(r.histogram, histogram) && r.updatesToTarget == updatesToTarget
                && Double.compare(r.secondsToTarget, secondsToTarget) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(workers, eta, seed, updatesToTarget);
    }

    @Override
    public String toString() {
        return "TimedRun[M=" + workers + ", eta=" + eta + ", seed=" + seed + ", toTarget=" + updatesToTarget + " in "
                + secondsToTarget + " s]";
    }
}
