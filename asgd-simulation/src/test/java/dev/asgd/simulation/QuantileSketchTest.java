package dev.asgd.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.random.ChainStreams;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class QuantileSketchTest {
    @Test
    void quantilesAreWithinTheBinWidthOfTheExactOrderStatistic() {
        UniformRandomProvider rng = new ChainStreams(3).stream(0);
        int n = 10_001;
        double[] x = new double[n];
        QuantileSketch a = new QuantileSketch();
        QuantileSketch b = new QuantileSketch();
        for (int i = 0; i < n; i++) {
            x[i] = Math.exp(6 * rng.nextDouble() - 3);
            (i % 2 == 0 ? a : b).add(x[i]);
        }
        a.merge(b);
        a.merge(new QuantileSketch());
        Arrays.sort(x);
        for (double p : new double[] {0.01, 0.25, 0.5, 0.9, 1.0}) {
            double exact = x[(int) Math.ceil(p * n) - 1];
            assertThat(a.quantile(p)).as("p = %s", p).isCloseTo(exact, within(0.005 * exact));
        }
        assertThat(a.count()).isEqualTo(n);
        assertThat(new QuantileSketch().quantile(0.5)).isNaN();
        QuantileSketch z = new QuantileSketch();
        z.add(0);
        assertThat(z.quantile(0.5)).isZero();
        assertThat(a.toString()).contains("n=10001");
    }
}
