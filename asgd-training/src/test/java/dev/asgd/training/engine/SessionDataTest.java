package dev.asgd.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.LeastSquares;
import dev.asgd.training.problem.Problem;
import dev.asgd.training.problem.SoftmaxRegression;
import dev.asgd.training.run.ProblemChoice;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The session's data: in this JVM (today's numbers) or elsewhere (shape and evaluation only). */
class SessionDataTest {
    /** Data whose rows are "elsewhere": the in-memory evaluation behind a counter, no rows in this JVM. */
    private static final class Remote implements SessionData {
        final SessionData inner;
        final AtomicInteger evaluations = new AtomicInteger();

        Remote(TrainTest tt) {
            inner = SessionData.of(tt);
        }

        @Override
        public int features() {
            return inner.features();
        }

        @Override
        public long trainRows() {
            return inner.trainRows();
        }

        @Override
        public long testRows() {
            return inner.testRows();
        }

        @Override
        public int trainClasses() {
            return inner.trainClasses();
        }

        @Override
        public int testClasses() {
            return inner.testClasses();
        }

        @Override
        public TrainTest inMemory() {
            return null;
        }

        @Override
        public Evaluation evaluation(Problem problem, int maxTrainRows) {
            Evaluation e = inner.evaluation(problem, maxTrainRows);
            return new Evaluation() {
                @Override
                public double trainLoss(double[] params) {
                    evaluations.incrementAndGet();
                    return e.trainLoss(params);
                }

                @Override
                public double[] evaluate(double[] params) {
                    evaluations.incrementAndGet();
                    return e.evaluate(params);
                }
            };
        }
    }

    @Test
    void inMemoryShapeAndEvaluationAreTheDatasets() {
        TrainTest tt = Fixtures.data(Fixtures.config("synthetic:softmax,n=900,d=4,classes=3", "softmax", "async", 1,
                "constant", 0.1, 10, 2));
        SessionData d = SessionData.of(tt);
        assertThat(d.features()).isEqualTo(4);
        assertThat(d.trainRows()).isEqualTo(tt.train().size());
        assertThat(d.testRows()).isEqualTo(tt.test().size());
        assertThat(d.trainClasses()).isEqualTo(3);
        assertThat(d.testClasses()).isEqualTo(tt.test().classes());
        assertThat(d.inMemory()).isSameAs(tt);
        Problem p = new SoftmaxRegression(4, 3, 0.01);
        double[] w = new double[p.dimension()];
        java.util.Arrays.fill(w, 0.1);
        double[] e = d.evaluation(p, 100).evaluate(w);
        assertThat(e[0]).isEqualTo(p.loss(w, tt.train().select(java.util.stream.IntStream.range(0, 100).toArray())));
        assertThat(e[1]).isEqualTo(p.loss(w, tt.test()));
        assertThat(e[2]).isEqualTo(p.accuracy(w, tt.test()));
        assertThat(ProblemChoice.of("csv:x", null, d, 0).problem()).isInstanceOf(SoftmaxRegression.class);
        d.close();
    }

    @Test
    void aSessionOnDataElsewhereEvaluatesThroughItAndHasNoLocalComputer() throws InterruptedException {
        TrainingConfig c = Fixtures.config(Fixtures.LS, "least-squares", "async", 2, "constant", 0.05, 200, 3);
        TrainTest tt = Fixtures.data(c);
        Remote remote = new Remote(tt);
        TrainingSession s = TrainingSession.start(c, new LeastSquares(5, 0), remote, TrainingSession.Options.none());
        assertThat(s.sessionData()).isSameAs(remote);
        assertThatThrownBy(s::data).isInstanceOf(IllegalStateException.class).hasMessageContaining("not in this JVM");
        assertThatThrownBy(s::computer).isInstanceOf(IllegalStateException.class);
        // an engine computing elsewhere: here the local computer of the same rows, through the shared loop
        RunResult r = runWith(s, new LocalGradientComputer(new LeastSquares(5, 0), tt.train(), 16, 3));
        assertThat(r.updates()).isEqualTo(200);
        assertThat(remote.evaluations.get()).isEqualTo(r.series().size());
        RunResult local = new ThreadsEngine().run(TrainingSession.start(c, new LeastSquares(5, 0), tt,
                TrainingSession.Options.none()));
        assertThat(r.series().get(0)).isEqualTo(local.series().get(0));
    }

    private static RunResult runWith(TrainingSession s, GradientComputer computer) throws InterruptedException {
        WorkerLoop.run(s, computer);
        return s.finish("test", s.server().snapshot(), s.server().version());
    }
}
