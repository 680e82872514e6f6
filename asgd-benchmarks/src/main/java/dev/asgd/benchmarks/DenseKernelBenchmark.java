package dev.asgd.benchmarks;

import dev.asgd.training.data.DenseDataset;
import dev.asgd.training.engine.MinibatchSampler;
import dev.asgd.training.problem.Problems;
import dev.asgd.training.problem.SoftmaxRegression;
import dev.asgd.training.problem.VectorOps;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Fashion-MNIST-shaped softmax minibatch gradient (batch 32, d = 784, K = 10, 60000 rows with
 * half the pixels 0, as the images), the per-update work of {@code asgd train --problem softmax}
 * apart from the server, on the Vector API kernels and on the plain Java ones ({@code
 * -Dasgd.vector=false}); and the server's SGD step on 7850 parameters. Microseconds per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class DenseKernelBenchmark {
    private static final int N = 60_000;
    private static final int D = 784;
    private static final int K = 10;

    DenseDataset data;
    SoftmaxRegression softmax;
    double[] w;
    double[] g;
    double[] next;
    int[] batch = new int[32];
    long step;

    /** Random images (half the pixels 0, the rest k / 255) and labels, small random weights. */
    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] x = new double[N * D];
        double[] y = new double[N];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextBoolean() ? 0 : rng.nextInt(1, 256) / 255.0;
        }
        for (int i = 0; i < N; i++) {
            y[i] = i % K;
        }
        data = new DenseDataset(x, y, D);
        softmax = new SoftmaxRegression(D, K, 0);
        w = new double[softmax.dimension()];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextDouble(-0.01, 0.01);
        }
        g = new double[w.length];
        next = new double[w.length];
    }

    /** @return the minibatch loss (consumed by JMH) */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
    public double softmaxGradientVector() {
        return gradient();
    }

    /** @return the minibatch loss (consumed by JMH) */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dasgd.vector=false")
    public double softmaxGradientScalar() {
        return gradient();
    }

    /** @return whether the step is finite (consumed by JMH) */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
    public boolean serverStepVector() {
        return VectorOps.step(w, 1e-9, g, next);
    }

    /** @return whether the step is finite (consumed by JMH) */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dasgd.vector=false")
    public boolean serverStepScalar() {
        return VectorOps.step(w, 1e-9, g, next);
    }

    private double gradient() {
        MinibatchSampler.sample(1, 0, step++, N, batch);
        double loss = softmax.gradient(w, data, batch, g);
        return loss + (Problems.denseKernels().length() == 6 ? 1 : 0);
    }
}
