package dev.asgd.training.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunResultTest {
    @Test
    void averagedWindowStartsAfterTheUnaveragedUpdates() {
        RunResult r = new RunResult(null, "threads", 2000, 0, new double[1], 1, 1, List.of(), new long[0][],
                new long[0], null, new int[0], new long[0], 0, null, null, 500);
        assertThat(r.averagedFromUpdate()).as("updates 1501..2000 are the last 500").isEqualTo(1501);
    }
}
