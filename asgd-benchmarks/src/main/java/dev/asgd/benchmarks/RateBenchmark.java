package dev.asgd.benchmarks;

import dev.asgd.core.ModelParameters;
import dev.asgd.theory.RateAnalysis;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Cost of the full closed-form analysis of {@code asgd rate} for d modes. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class RateBenchmark {
    @Param({"1", "1000"})
    int dimension;

    ModelParameters params;

    /** Builds the modes omega_i = 1 + i / d. */
    @org.openjdk.jmh.annotations.Setup
    public void setUp() {
        double[] omega = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            omega[i] = 1 + i / (double) dimension;
        }
        params = new ModelParameters(0.01, 0.9, omega, 1);
    }

    /** @return the analysis (consumed by JMH) */
    @Benchmark
    public RateAnalysis analyse() {
        return RateAnalysis.of(params, 1e-3, 8);
    }
}
