package dev.asgd.benchmarks;

import dev.asgd.core.loss.QuadraticLoss;
import dev.asgd.core.noise.AdditiveGaussianNoise;
import dev.asgd.core.staleness.StalenessDistribution;
import dev.asgd.core.staleness.StalenessDistributions;
import dev.asgd.simulation.EnsembleSimulator;
import dev.asgd.simulation.SimulationConfig;
import dev.asgd.simulation.SimulationResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of {@code asgd simulate}'s ensemble: N = 10000 chains of K = 1000 steps (1e7 member-steps
 * per call) of the paper's model (eta 0.01, omega0 1, sigma 1), per staleness law and thread
 * count. Member-steps per second = 1e7 / (seconds per call).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SimulatorBenchmark {
    @Param({"geometric:0.9", "uniform:8", "queue:10"})
    String staleness;

    @Param({"1", "2"})
    int threads;

    SimulationConfig config;

    /** Builds the run. */
    @Setup
    public void setUp() {
        StalenessDistribution law = StalenessDistributions.parse(staleness, 0);
        config = new SimulationConfig(new AdditiveGaussianNoise(QuadraticLoss.of(1), new double[] {1}), law, 0.01,
                new double[] {1}, 1000, 10, 10_000, 1, threads, 1e100, SimulationConfig.DEFAULT_LEVELS);
    }

    /** @return the ensemble (consumed by JMH) */
    @Benchmark
    public SimulationResult simulate() {
        return EnsembleSimulator.run(config, null);
    }
}
