package dev.asgd.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.training.data.SparseDataset;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.Problem;
import dev.asgd.training.problem.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hogwild on sparse rows: each worker reads, differentiates and adds on its minibatch's support only. */
class SparseHogwildTest {
    private static final String LOGISTIC = "synthetic:sparse-logistic,n=3000,d=2000,density=0.01";
    private static final String LS = "synthetic:sparse-least-squares,n=3000,d=2000,density=0.01";

    private static TrainingConfig config(String data, String problem, double l2, String mode, int workers,
            String policy, double eta, long updates) {
        return new TrainingConfig(data, problem, l2, Mode.parse(mode), workers, LearningRatePolicy.parse(policy), eta,
                8, updates, 5, Math.max(1, updates / 10), 0, WorkerDelay.none());
    }

    private static TrainingSession session(TrainingConfig c) {
        TrainTest d = Fixtures.data(c);
        Problem p = Problems.of(c.problem(), d.train(), c.l2());
        return TrainingSession.start(c, p, d, TrainingSession.Options.none());
    }

    /**
     * With one worker hogwild is deterministic, and the sparse worker is the dense one on the same
     * rows bit for bit: the same minibatches, the gradient's bits on the support (the same
     * operations in the same order), and off the support the dense worker adds -0.0, which changes
     * no value. Both also equal the async engine's run (theta - rate g on the server is theta +
     * (-rate g) exactly). Final parameters and every metric point are compared with equals, no
     * tolerance; delay compensation (dc-asgd, reading the coordinate again at apply) too.
     */
    @ParameterizedTest
    @CsvSource({"logistic, constant, 0.1", "least-squares, constant, 0.02", "logistic, dc-asgd:0.5, 0.1",
        "least-squares, constant@step:300:0.5, 0.02"})
    void oneSparseWorkerIsTheDenseWorkerBitForBit(String problem, String policy, double eta) throws Exception {
        String data = problem.equals("logistic") ? LOGISTIC : LS;
        TrainingConfig c = config(data, problem, 0, "hogwild", 1, policy, eta, 1000);
        TrainingSession sparseSession = session(c);
        assertThat(sparseSession.data().train()).isInstanceOf(SparseDataset.class);
        assertThat(ThreadsEngine.sparseHogwild(sparseSession)).isTrue();
        RunResult sparse = new ThreadsEngine().runHogwild(sparseSession, true);
        RunResult dense = new ThreadsEngine().runHogwild(session(c), false);
        assertThat(sparse.params()).containsExactly(dense.params());
        assertThat(sparse.updates()).isEqualTo(1000);
        assertThat(sparse.series()).hasSize(11);
        for (int i = 0; i < sparse.series().size(); i++) {
            MetricPoint a = sparse.series().get(i);
            MetricPoint b = dense.series().get(i);
            assertThat(a.update()).isEqualTo(b.update());
            assertThat(a.trainLoss()).isEqualTo(b.trainLoss());
            assertThat(a.testLoss()).isEqualTo(b.testLoss());
        }
        if (!policy.startsWith("dc-asgd")) {
            RunResult async = Fixtures.run(config(data, problem, 0, "async", 1, policy, eta, 1000),
                    TrainingSession.Options.none());
            assertThat(sparse.params()).containsExactly(async.params());
        }
        // hogwild:racy with one worker: nobody to race, the same bits
        RunResult racy = new ThreadsEngine().runHogwild(session(config(data, problem, 0, "hogwild:racy", 1, policy,
                eta, 1000)), true);
        assertThat(racy.params()).containsExactly(sparse.params());
    }

    /**
     * Two workers on synthetic sparse logistic data, atomic and plain adds: the test loss falls from
     * ln 2 to below 0.58 (0.50 reached).
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"hogwild", "hogwild:racy"})
    void twoWorkersConverge(String mode) throws Exception {
        TrainingConfig c = config("synthetic:sparse-logistic,n=20000,d=5000,density=0.004", "logistic", 0, mode,
                2, "constant", 0.1, 20_000);
        RunResult r = Fixtures.run(c, TrainingSession.Options.none());
        assertThat(r.updates()).isEqualTo(20_000);
        assertThat(r.series().get(0).testLoss()).isCloseTo(Math.log(2), org.assertj.core.api.Assertions.within(1e-9));
        MetricPoint last = r.series().get(r.series().size() - 1);
        assertThat(last.update()).isEqualTo(20_000);
        assertThat(last.testLoss()).isLessThan(0.58);
        assertThat(last.testAccuracy()).isGreaterThan(0.7);
        long total = 0;
        for (long h : r.total()) {
            total += h;
        }
        assertThat(total).isEqualTo(20_000);
    }

    /** An L2 penalty moves every weight at every update: the dense worker runs (and softmax has no support gradient). */
    @Test
    void theDenseWorkerRunsWithAPenaltyOrSoftmax() {
        assertThat(ThreadsEngine.sparseHogwild(session(config(LOGISTIC, "logistic", 0.01, "hogwild", 1, "constant",
                0.1, 10)))).isFalse();
        assertThat(ThreadsEngine.sparseHogwild(session(config("synthetic:logistic,n=100,d=3", "logistic", 0, "hogwild",
                1, "constant", 0.1, 10)))).isFalse();
    }

    /** A step far above the edge: the first non-finite or too large minibatch loss stops the run (exit 3). */
    @Test
    void divergenceStopsTheSparseWorkers() {
        TrainingConfig c = config(LS, "least-squares", 0, "hogwild", 2, "constant", 50, 5000);
        assertThatThrownBy(() -> Fixtures.run(c, TrainingSession.Options.none()))
                .isInstanceOf(NumericalDivergenceException.class);
    }
}
