package dev.asgd.benchmarks;

import dev.asgd.core.random.ChainStreams;
import dev.asgd.core.random.OpenXoRoShiRo128PlusPlus;
import dev.asgd.core.random.ZigguratNormal;
import dev.asgd.core.staleness.GeometricTable;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.GeometricSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nanoseconds per draw of the simulator's samplers against the Commons RNG samplers they stand in
 * for, on the same XoRoShiRo128++ stream (1000 draws per call): the normal (Commons
 * {@code ZigguratSampler.NormalizedGaussian} against {@link ZigguratNormal}), the geometric with
 * kappa = 0.9 (Commons {@code GeometricSampler} against the {@link GeometricTable} clipped at
 * L = 349), and both drawn from a generator held in local variables, as the simulator's fast loop
 * does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class SamplerBenchmark {
    private static final int DRAWS = 1000;

    UniformRandomProvider rng;
    ZigguratSampler.NormalizedGaussian commonsNormal;
    SharedStateDiscreteSampler commonsGeometric;
    GeometricTable table;
    long[] state;

    /** One stream per trial. */
    @Setup
    public void setUp() {
        rng = new ChainStreams(1).stream(0);
        commonsNormal = ZigguratSampler.NormalizedGaussian.of(rng);
        commonsGeometric = GeometricSampler.of(rng, 0.1);
        table = GeometricTable.clipped(0.9, 349);
        OpenXoRoShiRo128PlusPlus open = new ChainStreams(1).openStream(0);
        state = new long[] {open.s0, open.s1};
    }

    /** @return a sum of the draws */
    @Benchmark
    @OperationsPerInvocation(DRAWS)
    public double commonsNormal() {
        double s = 0;
        for (int i = 0; i < DRAWS; i++) {
            s += commonsNormal.sample();
        }
        return s;
    }

    /** @return a sum of the draws */
    @Benchmark
    @OperationsPerInvocation(DRAWS)
    public double zigguratNormal() {
        double s = 0;
        for (int i = 0; i < DRAWS; i++) {
            s += ZigguratNormal.sample(rng);
        }
        return s;
    }

    /** @return a sum of the draws */
    @Benchmark
    @OperationsPerInvocation(DRAWS)
    public long commonsGeometric() {
        long s = 0;
        for (int i = 0; i < DRAWS; i++) {
            s += Math.min(349, commonsGeometric.sample());
        }
        return s;
    }

    /** @return a sum of the draws */
    @Benchmark
    @OperationsPerInvocation(DRAWS)
    public long geometricTable() {
        long s = 0;
        for (int i = 0; i < DRAWS; i++) {
            s += table.sample(rng);
        }
        return s;
    }

    /** @return a sum of the draws: one geometric and one normal per iteration, state in locals */
    @Benchmark
    @OperationsPerInvocation(DRAWS)
    public double bothInlineState() {
        long s0 = state[0];
        long s1 = state[1];
        OpenXoRoShiRo128PlusPlus spare = new OpenXoRoShiRo128PlusPlus(0, 1);
        double s = 0;
        for (int i = 0; i < DRAWS; i++) {
            long word = OpenXoRoShiRo128PlusPlus.mix(s0, s1);
            long t = OpenXoRoShiRo128PlusPlus.next0(s0, s1);
            s1 = OpenXoRoShiRo128PlusPlus.next1(s0, s1);
            s0 = t;
            int tau = table.cell(word);
            word = OpenXoRoShiRo128PlusPlus.mix(s0, s1);
            t = OpenXoRoShiRo128PlusPlus.next0(s0, s1);
            s1 = OpenXoRoShiRo128PlusPlus.next1(s0, s1);
            s0 = t;
            double z;
            if (ZigguratNormal.isFast(word)) {
                z = ZigguratNormal.fastValue(word);
            } else {
                spare.s0 = s0;
                spare.s1 = s1;
                z = ZigguratNormal.slowValue(word, spare);
                s0 = spare.s0;
                s1 = spare.s1;
            }
            s += tau + z;
        }
        state[0] = s0;
        state[1] = s1;
        return s;
    }

    /** @return a sum of the draws: one geometric and one normal per iteration through Commons RNG */
    @Benchmark
    @OperationsPerInvocation(DRAWS)
    public double bothCommons() {
        double s = 0;
        for (int i = 0; i < DRAWS; i++) {
            s += Math.min(349, commonsGeometric.sample()) + commonsNormal.sample();
        }
        return s;
    }
}
