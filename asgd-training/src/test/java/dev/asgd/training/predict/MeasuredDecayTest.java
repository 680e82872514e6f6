package dev.asgd.training.predict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asgd.training.engine.MetricPoint;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The decay of curves of known shape with seeded lognormal noise (seed 5, sd 0.3). */
class MeasuredDecayTest {
    private static final double LOSS_STAR = 0.25;

    private interface Shape {
        double at(long k);
    }

    private static List<MetricPoint> curve(Shape shape, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        List<MetricPoint> s = new ArrayList<>();
        for (long k = 0; k <= 4000; k += 50) {
            double noise = Math.exp(0.3 * gaussian(rng));
            s.add(new MetricPoint(k, k * 1e-3, LOSS_STAR + shape.at(k) * noise, Double.NaN, Double.NaN, Double.NaN));
        }
        return s;
    }

    private static double gaussian(UniformRandomProvider rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Test
    void theDecayOfTheExcessLossOverItsTransient() {
        List<MetricPoint> s = curve(k -> 0.5 * Math.exp(-0.002 * k) + 1e-3, 5);
        assertThat(MeasuredDecay.of(s, LOSS_STAR).rate()).isBetween(0.0015, 0.0025);
        assertThat(MeasuredDecay.of(s, LOSS_STAR).floorReached()).isTrue();
    }

    /** Close below the mean-square edge: the loss rises from 0.5 to a stationary 5: a negative decay, not a divergence. */
    @Test
    void aRunRisingToAStationaryLevelHasANegativeDecay() {
        List<MetricPoint> s = curve(k -> 5 - 4.5 * Math.exp(-0.01 * k), 5);
        assertThat(MeasuredDecay.of(s, LOSS_STAR).rate()).isNegative();
    }
}
