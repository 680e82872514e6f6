package dev.asgd.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The scaling model's queueing arithmetic (exact MVA), on made-up costs. */
class ScalingModelTest {
    /**
     * One worker: one cycle per update (gradient + latency + apply + transfer). Many workers: the
     * throughput approaches the bottleneck's rate (here the apply at 1 / 100 us = 10000 per second)
     * and never exceeds it; it never decreases with N.
     */
    @Test
    void oneWorkerRunsOneCycleAndManySaturateTheBottleneck() {
        ScalingModel.Costs c = new ScalingModel.Costs(900e-6, 150e-6, 100e-6, 1000);
        double transfer = 8 * 1000 / 1e9;
        assertThat(ScalingModel.predict(c, 1e9, 1)).isCloseTo(1 / (900e-6 + 50e-6 + 100e-6 + transfer), within(1e-6));
        double last = 0;
        for (int n = 1; n <= 64; n *= 2) {
            double x = ScalingModel.predict(c, 1e9, n);
            assertThat(x).isGreaterThanOrEqualTo(last).isLessThanOrEqualTo(10_000);
            last = x;
        }
        assertThat(last).isCloseTo(10_000, within(10.0));
        assertThat(ScalingModel.predict(c, 1e6, 64)).as("a slow link is the bottleneck").isCloseTo(1e6 / 8000, within(1.0));
    }

    /** The costs measured on a small problem are positive, and the round trip includes the apply. */
    @Test
    void measuresPositiveCosts() throws Exception {
        var d = dev.asgd.training.data.DataSources.load("synthetic:logistic,n=500,d=5", 0.2, 1);
        ScalingModel.warmupNanos = 50_000_000L;
        ScalingModel.Costs c = ScalingModel.measure(d, "logistic", 8);
        assertThat(c.gradient()).isPositive();
        assertThat(c.apply()).isPositive();
        assertThat(c.roundTrip()).isPositive();
        assertThat(c.bytes()).isEqualTo(2 * 8 * 6 + 40);
    }
}
