package dev.asgd.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asgd.theory.DampingRegime;
import org.junit.jupiter.api.Test;

/** The one mapper: records by component name, non-finite numbers as null, regimes by label. */
class JsonTest {
    record Empty() {
    }

    record Sample(double finite, double nan, Double inf, double[] values, DampingRegime regime, Empty empty) {
    }

    @Test
    void writesRecordsWithNullForNonFiniteNumbersAndRegimeLabels() throws Exception {
        String text = Json.write(new Sample(1.5, Double.NaN, Double.POSITIVE_INFINITY,
                new double[] {2, Double.NEGATIVE_INFINITY}, DampingRegime.CRITICAL, new Empty()));
        JsonNode j = Json.mapper().readTree(text);
        assertThat(j.get("finite").doubleValue()).isEqualTo(1.5);
        assertThat(j.get("nan").isNull()).isTrue();
        assertThat(j.get("inf").isNull()).isTrue();
        assertThat(j.get("values").get(0).doubleValue()).isEqualTo(2);
        assertThat(j.get("values").get(1).isNull()).isTrue();
        assertThat(j.get("regime").textValue()).isEqualTo("critical");
        assertThat(j.get("empty").isObject()).isTrue();
        assertThat(j.get("empty").size()).isZero();
    }
}
