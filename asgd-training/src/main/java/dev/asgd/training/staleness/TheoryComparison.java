package dev.asgd.training.staleness;

import dev.asgd.core.ModelParameters;
import dev.asgd.core.fit.Line;
import dev.asgd.core.linalg.Vectors;
import dev.asgd.theory.ModeRate;
import dev.asgd.theory.RateAnalysis;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.engine.MetricPoint;
import dev.asgd.training.problem.HessianSpectrum;
import dev.asgd.training.problem.LeastSquares;
import java.util.ArrayList;
import java.util.List;

/**
 * The theory's prediction for a least-squares run beside what the run did. The Hessian's
 * eigenvalues give omega_i = sqrt(lambda_i); with the fitted kappa and the effective learning
 * rate, {@link RateAnalysis} gives the exact per-update contraction rho of the mean of discrete
 * ASGD under geometric staleness (THEORY-NOTES section 5), so the excess loss f - f*, quadratic in
 * the error, is predicted to decay like rho^(2k): decay exponent -2 ln rho per update. The run's
 * decay is the least-squares slope of ln(f - f*) against the update over the transient: from the
 * first point to the last point still 10 times above the noise floor (the smallest excess seen).
 *
 * @param lossStar f* on the evaluation rows, at the exact empirical optimum
 * @param eigenvalues the Hessian's eigenvalues (all, or Lanczos Ritz values), ascending
 * @param exactSpectrum whether they are exact
 * @param kappa the fitted staleness rate
 * @param eta the effective learning rate used for the prediction
 * @param predictedContraction rho of the slowest mode
 * @param predictedDecayPerUpdate -2 ln rho
 * @param measuredDecayPerUpdate minus the fitted slope of ln(f - f*), NaN when fewer than 3 points
 * @param windowFrom first update of the fit window
 * @param windowTo last update of the fit window
 * @param windowPoints points in the window
 * @param verdict {@link RateAnalysis#verdict()}
 */
public record TheoryComparison(double lossStar, double[] eigenvalues, boolean exactSpectrum, double kappa, double eta,
        double predictedContraction, double predictedDecayPerUpdate, double measuredDecayPerUpdate, long windowFrom,
        long windowTo, int windowPoints, String verdict) {

    /** @return the smallest Hessian eigenvalue */
    public double minEigenvalue() {
        return Vectors.min(eigenvalues);
    }

    /** @return the largest Hessian eigenvalue */
    public double maxEigenvalue() {
        return Vectors.max(eigenvalues);
    }

    /**
     * @param problem the least-squares problem
     * @param train the training rows (the Hessian and the optimum)
     * @param evalRows the rows of the series' training loss
     * @param series the run's metrics
     * @param kappa the fitted staleness rate (NaN: taken as 0)
     * @param eta the effective learning rate
     * @return the comparison
     */
    public static TheoryComparison of(LeastSquares problem, Dataset train, Dataset evalRows, List<MetricPoint> series,
            double kappa, double eta) {
        double[] wStar = problem.optimum(train);
        double lossStar = problem.loss(wStar, evalRows);
        HessianSpectrum spectrum = HessianSpectrum.of(problem, train, HessianSpectrum.EXACT_LIMIT, 60);
        double k = Double.isNaN(kappa) ? 0 : Math.min(kappa, 1 - 1e-12);
        RateAnalysis a = RateAnalysis.of(new ModelParameters(eta, k, spectrum.omegas(1e-10), 0), Double.NaN, 0);
        ModeRate slow = a.slowestDiscrete();
        double rho = slow.meanContractionPerStep();
        List<double[]> pts = new ArrayList<>();
        double floor = Double.POSITIVE_INFINITY;
        for (MetricPoint p : series) {
            double ex = p.trainLoss() - lossStar;
            if (ex > 0) {
                floor = Math.min(floor, ex);
            }
        }
        int last = -1;
        for (int i = 0; i < series.size(); i++) {
            if (series.get(i).trainLoss() - lossStar > 10 * floor) {
                last = i;
            }
        }
        for (int i = 0; i <= last; i++) {
            double ex = series.get(i).trainLoss() - lossStar;
            if (ex > 0) {
                pts.add(new double[] {series.get(i).update(), Math.log(ex)});
            }
        }
        double measured = Double.NaN;
        if (pts.size() >= 3) {
            double[] xs = new double[pts.size()];
            double[] ys = new double[pts.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = pts.get(i)[0];
                ys[i] = pts.get(i)[1];
            }
            measured = -Line.fit(xs, ys, 0, xs.length).slope();
        }
        long from = pts.isEmpty() ? 0 : (long) pts.get(0)[0];
        long to = pts.isEmpty() ? 0 : (long) pts.get(pts.size() - 1)[0];
        return new TheoryComparison(lossStar, spectrum.eigenvalues(), spectrum.exact(), k, eta, rho, -2 * Math.log(rho),
                measured, from, to, pts.size(), a.verdict());
    }
}
