package dev.asgd.training.predict;

import dev.asgd.theory.sampled.SampledRates;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.LeastSquares;
import dev.asgd.training.staleness.GeometricFit;
import java.util.ArrayList;
import java.util.List;

/**
 * A measured edge sweep ({@link EdgeSweep}) with every prediction beside it: per learning rate the
 * decay of the paper's geometric model and of the measured law; the edges of the geometric model
 * (mean), of the measured law (mean and mean square), of the reference run's interleaving replayed,
 * and of the same staleness shuffled (the i.i.d. law realised).
 *
 * @param sweep the measured sweep
 * @param kappa the geometric fit of the pooled staleness
 * @param law the pooled staleness as an i.i.d. law
 * @param eigenvalues the Hessian's eigenvalues
 * @param rows one row per learning rate
 * @param geometricEdge the geometric model's edge
 * @param lawMeanEdge the measured law's mean edge
 * @param lawMeanSquareEdge the measured law's mean-square edge
 * @param replayEdge the reference interleaving's edge (null when no schedule)
 * @param shuffledEdge the shuffled interleaving's edge (null when no schedule)
 */
public record EdgeStudy(EdgeSweep.Result sweep, double kappa, StalenessLaw law, double[] eigenvalues, List<Row> rows,
        double geometricEdge, double lawMeanEdge, double lawMeanSquareEdge, ReplayEdge replayEdge,
        ReplayEdge shuffledEdge) {
    /**
     * @param eta the learning rate
     * @param measured the pooled measured decay (NaN when every run diverged)
     * @param lower its interval's lower end
     * @param upper its interval's upper end
     * @param stable whether most runs were stable
     * @param diverged runs that passed the divergence bound
     * @param runs runs
     * @param geometricDecay the geometric model's decay
     * @param lawDecay the measured law's decay -ln rho_ms (negative above its edge)
     * @param agrees whether lawDecay lies in the measured interval widened by {@link RunTheory#MODEL_TOLERANCE}
     */
    public record Row(double eta, double measured, double lower, double upper, boolean stable, int diverged, int runs,
            double geometricDecay, double lawDecay, boolean agrees) {
    }

    /**
     * @param sweep the measured sweep
     * @param problem the least-squares problem
     * @param data its data
     * @param batch the minibatch size
     * @param replays whether to find the replay edges of the reference schedule
     * @param divergenceFactor as in the sweep
     * @return the study
     */
    public static EdgeStudy of(EdgeSweep.Result sweep, LeastSquares problem, TrainTest data, int batch, boolean replays,
            double divergenceFactor) {
        LeastSquaresTheory t = LeastSquaresTheory.of(problem, data.train(), RunTheory.evalRows(data.train()), batch);
        double kappa = GeometricFit.of(sweep.histogram()).kappa();
        StalenessLaw law = StalenessLaw.of(sweep.histogram());
        SampledRates rates = t.rates(law);
        double[] ev = t.model().hessianEigenvalues();
        List<Row> rows = new ArrayList<>();
        for (EdgeSweep.Point p : sweep.points()) {
            double geo = GeometricModel.of(kappa, p.eta(), ev).decay();
            double lawDecay = -Math.log(rates.meanSquareContraction(p.eta()));
            boolean agrees = !Double.isNaN(p.decay().rate()) && p.decay().contains(lawDecay, RunTheory.MODEL_TOLERANCE);
            rows.add(new Row(p.eta(), p.decay().rate(), p.decay().lower(), p.decay().upper(), p.stable(), p.diverged(),
                    p.runs().size(), geo, lawDecay, agrees));
        }
        ReplayEdge re = null;
        ReplayEdge se = null;
        if (replays && sweep.reference() != null) {
            double start = Double.isNaN(sweep.edge()) ? sweep.points().get(0).eta() : sweep.edge();
            re = ReplayEdge.find(sweep.reference(), sweep.referenceConfig(), problem, data, t.lossStar(), start, 0.01,
                    divergenceFactor);
            se = ReplayEdge.find(ReplayEdge.shuffled(sweep.reference(), sweep.referenceConfig().seed()),
                    sweep.referenceConfig(), problem, data, t.lossStar(), start, 0.01, divergenceFactor);
        }
        return new EdgeStudy(sweep, kappa, law, ev, rows, GeometricModel.of(kappa, 1, ev).meanEdge(), rates.meanEdge(),
                rates.meanSquareEdge(), re, se);
    }
}
