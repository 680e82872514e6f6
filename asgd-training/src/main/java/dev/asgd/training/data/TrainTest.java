package dev.asgd.training.data;

import dev.asgd.core.Require;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;

/**
 * A training set and a held-out test set.
 *
 * @param train the rows the workers sample from
 * @param test the held-out rows of the metrics (may be empty: size 0 is not allowed, so null)
 * @param trueWeights the generating parameters of a synthetic set, or null
 */
public record TrainTest(Dataset train, Dataset test, double[] trueWeights) {

    /**
     * Splits one dataset at random.
     *
     * @param all every row
     * @param testFraction share of rows held out, in [0, 1)
     * @param rng the shuffling stream
     * @return the split; the test set is null when testFraction * n rounds to 0
     */
    public static TrainTest split(Dataset all, double testFraction, UniformRandomProvider rng) {
        Require.inHalfOpen(testFraction, 0, 1, "test-fraction");
        int n = all.size();
        int nTest = (int) Math.round(testFraction * n);
        if (n - nTest < 1) {
            nTest = n - 1;
        }
        int[] perm = PermutationSampler.natural(n);
        PermutationSampler.shuffle(rng, perm);
        int[] testRows = java.util.Arrays.copyOfRange(perm, 0, nTest);
        int[] trainRows = java.util.Arrays.copyOfRange(perm, nTest, n);
        java.util.Arrays.sort(testRows);
        java.util.Arrays.sort(trainRows);
        return new TrainTest(all.select(trainRows), nTest == 0 ? null : all.select(testRows), null);
    }

    /**
     * @param w the generating parameters
     * @return a copy carrying them
     */
    public TrainTest withTrueWeights(double[] w) {
        return new TrainTest(train, test, w == null ? null : w.clone());
    }
}
