package dev.asgd.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.InvalidParameterException;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParsingTest {
    @Test
    void parsesModes() {
        assertThat(Mode.parse("ssp:3")).isEqualTo(new Mode(Mode.Kind.SSP, 3));
        assertThat(Mode.parse("ssp:3").toString()).isEqualTo("ssp:3");
        assertThat(Mode.parse("hogwild").toString()).isEqualTo("hogwild");
        assertThat(Mode.parse(" sync ").kind()).isEqualTo(Mode.Kind.SYNC);
        assertThat(Mode.parse("hogwild").racy()).isFalse();
        assertThat(Mode.parse("hogwild:racy")).isEqualTo(new Mode(Mode.Kind.HOGWILD, 0, true));
        assertThat(Mode.parse("hogwild:racy").toString()).isEqualTo("hogwild:racy");
        assertThatThrownBy(() -> new Mode(Mode.Kind.ASYNC, 0, true)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("hogwild:racy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "asynch", "ssp:", "ssp:-1", "ssp:x", "async:racy", "hogwild:", "hogwild:atomic"})
    void rejectsBadModes(String s) {
        assertThatThrownBy(() -> Mode.parse(s)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("mode");
    }

    @Test
    void parsesPolicies() {
        assertThat(LearningRatePolicy.parse("dc-asgd:0.04")).isEqualTo(new LearningRatePolicy.DelayCompensated(0.04));
        assertThat(LearningRatePolicy.parse("scaled").spec()).isEqualTo("scaled");
        assertThat(LearningRatePolicy.parse("staleness-aware").effectiveEta(1, 2, 3)).isEqualTo(0.25);
        assertThat(LearningRatePolicy.parse("constant").needsReadParameters()).isFalse();
        assertThat(LearningRatePolicy.parse("dc-asgd:0").needsReadParameters()).isTrue();
        // schedules: the factor at update k, and the spec as recorded parses back to the same policy
        LearningRatePolicy step = LearningRatePolicy.Scheduled.of(LearningRatePolicy.parse("scaled"), "step:100:0.5");
        assertThat(step.factor(0)).isEqualTo(1);
        assertThat(step.factor(99)).isEqualTo(1);
        assertThat(step.factor(100)).isEqualTo(0.5);
        assertThat(step.factor(250)).isEqualTo(0.25);
        assertThat(step.rate(1, 4, 0)).isEqualTo(0.25);
        assertThat(LearningRatePolicy.parse(step.spec())).isEqualTo(step);
        LearningRatePolicy inv = LearningRatePolicy.parse("dc-asgd:0.1@inv:50");
        assertThat(inv.factor(50)).isEqualTo(0.5);
        assertThat(inv.compensation()).isEqualTo(0.1);
        assertThat(LearningRatePolicy.Scheduled.of(new LearningRatePolicy.Constant(), "constant"))
                .isEqualTo(new LearningRatePolicy.Constant());
        for (String bad : new String[] {"step:0:0.5", "step:10:1.5", "step:1.5:0.5", "inv:0", "inv:x", "cosine"}) {
            assertThatThrownBy(() -> LearningRatePolicy.Scheduled.of(new LearningRatePolicy.Constant(), bad))
                    .as(bad).hasMessageContaining("lr-schedule");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"adam", "dc-asgd:", "dc-asgd:-1", "dc-asgd:x", "dc-asgd:Infinity"})
    void rejectsBadPolicies(String s) {
        assertThatThrownBy(() -> LearningRatePolicy.parse(s)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("lr-policy");
    }

    @Test
    void parsesDelays() {
        WorkerDelay d = WorkerDelay.parse("exp:2,slow:1:3,fixed:1", 2);
        assertThat(d.terms()).containsExactly("fixed:1.0", "exp:2.0", "slow:1:3.0");
        assertThat(WorkerDelay.parse("none", 1).isNone()).isTrue();
        WorkerDelay slow = WorkerDelay.parse("slow:0:4", 2);
        assertThat(slow.delayNanos(0, 1000, RandomSource.XO_RO_SHI_RO_128_PP.create(1L))).isEqualTo(3000);
        assertThat(slow.delayNanos(1, 1000, RandomSource.XO_RO_SHI_RO_128_PP.create(1L))).isZero();
        assertThat(WorkerDelay.parse("fixed:1.5", 1).delayNanos(0, 0, null)).isEqualTo(1_500_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exp", "exp:-1", "slow:2:3", "slow:0:0.5", "fixed:x", "gamma:1"})
    void rejectsBadDelays(String s) {
        assertThatThrownBy(() -> WorkerDelay.parse(s, 2)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("worker-delay");
    }

    @Test
    void minibatchesArePureFunctionsOfSeedWorkerStep() {
        int[] a = new int[8];
        int[] b = new int[8];
        int[] c = new int[8];
        MinibatchSampler.sample(1, 2, 3, 100, a);
        MinibatchSampler.sample(1, 2, 3, 100, b);
        MinibatchSampler.sample(1, 3, 2, 100, c);
        assertThat(a).containsExactly(b).isNotEqualTo(c);
        assertThat(MinibatchSampler.streamSeed(1, 0, 1)).isNotEqualTo(MinibatchSampler.streamSeed(1, 1, 0));
    }

    @Test
    void configRejectsBadValues() {
        assertThatThrownBy(() -> Fixtures.config(Fixtures.LS, "least-squares", "async", 0, "constant", 0.1, 10, 1))
                .hasMessageContaining("workers");
        assertThatThrownBy(() -> Fixtures.config(Fixtures.LS, "least-squares", "async", 1, "constant", -1, 10, 1))
                .hasMessageContaining("eta");
        assertThatThrownBy(() -> Fixtures.config(Fixtures.LS, "least-squares", "async", 1, "constant", 1, 0, 1))
                .hasMessageContaining("updates");
    }
}
