package dev.asgd.training.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.predict.LocalQuadraticTheory;
import dev.asgd.training.predict.StalenessLaw;
import dev.asgd.training.problem.LeastSquares;
import dev.asgd.training.problem.Problem;
import dev.asgd.training.problem.Problems;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class EmpiricalCurvatureTest {
    private static final TrainTest LS = DataSources.load("synthetic:least-squares,n=1000,d=5,seed=4", 0.2, 4);

    @Test
    void powerIterationFindsTheLargestHessianEigenvalueOfLeastSquares() {
        Dataset train = LS.train();
        LeastSquares p = (LeastSquares) Problems.of("least-squares", train, 0);
        // 800 rows: the subset is every row, so the Hessian is exactly the one of the exact theory
        EmpiricalCurvature c = EmpiricalCurvature.at(p, train, new double[p.dimension()], 8,
                RandomSource.SPLIT_MIX_64.create(1));
        double[] eig = LocalQuadraticTheory.of(p, train, train, 8).model().hessianEigenvalues();
        double max = java.util.Arrays.stream(eig).max().orElseThrow();
        assertThat(c.lambdaMax()).isCloseTo(max, within(2e-2 * max));
        // each row's curvature along the top direction averages to lambda_max
        double mean = java.util.Arrays.stream(c.rowCurvature()).average().orElseThrow();
        assertThat(mean).isCloseTo(c.lambdaMax(), within(2e-2 * max));
    }

    @Test
    void noiseIsTheTraceOfTheMinibatchGradientCovariance() {
        Dataset train = LS.train();
        Problem p = Problems.of("least-squares", train, 0);
        double[] theta = new double[p.dimension()];
        EmpiricalCurvature c = EmpiricalCurvature.at(p, train, theta, 4, RandomSource.SPLIT_MIX_64.create(2));
        int n = train.size();
        int dim = p.dimension();
        double[][] g = new double[n][dim];
        double[] mean = new double[dim];
        for (int i = 0; i < n; i++) {
            p.gradient(theta, train, new int[] {i}, g[i]);
            for (int a = 0; a < dim; a++) {
                mean[a] += g[i][a] / n;
            }
        }
        double trace = 0;
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < dim; a++) {
                trace += (g[i][a] - mean[a]) * (g[i][a] - mean[a]) / n;
            }
        }
        assertThat(c.noiseTrace()).isCloseTo(trace / 4, within(1e-9 * trace));
    }

    @Test
    void theEmpiricalEdgeIsTheSampledEdgeAlongTheTopDirection() {
        Dataset train = LS.train();
        Problem p = Problems.of("least-squares", train, 0);
        EmpiricalCurvature c = EmpiricalCurvature.at(p, train, new double[p.dimension()], 8,
                RandomSource.SPLIT_MIX_64.create(3));
        StalenessLaw serial = StalenessLaw.of(new long[] {1});
        // a huge batch has no multiplicative noise: the edge is 2 / lambda_max
        double big = TunePredictor.empirical(c, 1_000_000).edge(serial);
        assertThat(big).isCloseTo(2 / c.lambdaMax(), within(1e-3 * big));
        // minibatch noise and staleness lower it
        double small = TunePredictor.empirical(c, 1).edge(serial);
        double stale = TunePredictor.empirical(c, 1).edge(StalenessLaw.of(new long[] {1, 2, 1}));
        assertThat(small).isLessThan(big);
        assertThat(stale).isLessThan(small);
    }

    @Test
    void theSeamUsesTheLocalQuadraticTheoryWhereItApplies() {
        Dataset train = LS.train();
        LeastSquares p = (LeastSquares) Problems.of("least-squares", train, 0);
        EmpiricalCurvature c = EmpiricalCurvature.at(p, train, new double[p.dimension()], 8,
                RandomSource.SPLIT_MIX_64.create(5));
        TunePredictor t = TunePredictor.of(p, train, train, 8, c);
        assertThat(t.model()).isEqualTo(TunePredictor.LOCAL_QUADRATIC);
        assertThat(t.phase()).isNull();
        StalenessLaw law = StalenessLaw.of(new long[] {3, 5, 2});
        LocalQuadraticTheory theory = LocalQuadraticTheory.of(p, train, train, 8);
        assertThat(t.edge(law)).isEqualTo(theory.rates(law).meanSquareEdge());
        assertThat(t.lateDecay(0.01, law)).isEqualTo(-Math.log(theory.rates(law).meanSquareContraction(0.01)));
        TunePredictor e = TunePredictor.empirical(c, 8);
        assertThat(e.model()).isEqualTo(TunePredictor.EMPIRICAL);
        assertThat(e.lateDecay(0.01, law)).isNaN();
    }
}
