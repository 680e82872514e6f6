package dev.asgd.training.tune;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a probe into a recommendation. The time to target at (eta, M) is M's measured start latency
 * plus the predicted updates to target over M's measured throughput. The updates to target (the {@link #TIME_MODEL}): the probe
 * measured them at two rates, the small rate with one worker (k_s at eta_s) and safety x edge with M
 * workers (k_M at eta_M); between them k(eta) = k_M (eta / eta_M)^-alpha with alpha =
 * ln(k_s / k_M) / ln(eta_M / eta_s), clipped to [0, 1] (alpha = 1: the early curve is a function of
 * eta x updates, gradient flow; alpha = 0: more eta does not help, the curve is noise-limited); below
 * eta_s the same law, above eta_M no further gain; above the predicted edge the run is unstable. The
 * recommendation is the point within the margin with the least predicted time (the largest decay per
 * second).
 */
public final class TuneRecommender {
    /** How the time to target is predicted. */
    public static final String TIME_MODEL = "updates to target measured by the probe at a small eta (1 worker) and at"
            + " safety x edge (each M), interpolated as a power of eta between them, over each M's measured throughput, plus its start latency";
    /** Grid points per worker count of the surface. */
    static final int POINTS = 16;

    private TuneRecommender() {
    }

    /**
     * @param probed the probe
     * @param safety the safety margin
     * @param target the target (a loss target sets the decay's end point)
     * @return the recommendation, or one with NaN times when no run met the target
     */
    public static Recommendation recommend(TuneProbe.Probed probed, double safety, Target target) {
        ProbeResult p = probed.result();
        TimedRun small = p.smallEta();
        double f0 = small.initialLoss();
        double fTarget = target.accuracy() ? small.lossAtTarget() : target.value();
        List<Recommendation.SurfacePoint> surface = new ArrayList<>();
        WorkerProbe best = null;
        double bestSeconds = Double.POSITIVE_INFINITY;
        double lo = small.eta() / 2;
        double hi = 1.2 * p.workers().stream().mapToDouble(WorkerProbe::edge).max().orElse(small.eta());
        for (WorkerProbe w : p.workers()) {
            double kM = w.updatesToTarget();
            double kS = small.reached() ? small.updatesToTarget() : Double.NaN;
            double alpha = alpha(kS, small.eta(), kM, w.eta());
            if (Double.isNaN(kM) && !Double.isNaN(kS)) {
                kM = kS * Math.pow(w.eta() / small.eta(), -alpha);
            }
            for (int i = 0; i < POINTS; i++) {
                double eta = lo * Math.pow(hi / lo, i / (POINTS - 1.0));
                surface.add(point(w, eta, kM, alpha, f0, fTarget, probed.predictor()));
            }
            double seconds = w.seconds(kM);
            if (w.reached() && seconds < bestSeconds) {
                bestSeconds = seconds;
                best = w;
            }
        }
        if (best == null) {
            WorkerProbe one = p.workers().get(0);
            double k = small.reached() ? small.updatesToTarget() * small.eta() / one.eta() : Double.NaN;
            return new Recommendation(one.workers(), one.eta(), one.edge(), safety, k, one.seconds(k),
                    decay(f0, fTarget, one.seconds(k)), one.eta() * p.noiseTrace() / 4, TIME_MODEL,
                    surface);
        }
        double k = best.updatesToTarget();
        return new Recommendation(best.workers(), best.eta(), best.edge(), safety, k, bestSeconds,
                decay(f0, fTarget, bestSeconds), best.eta() * p.noiseTrace() / 4, TIME_MODEL, surface);
    }

    private static Recommendation.SurfacePoint point(WorkerProbe w, double eta, double kM, double alpha, double f0,
            double fTarget, TunePredictor predictor) {
        double late = predictor.lateDecay(eta, w.law()) * w.updatesPerSecond();
        if (eta >= w.edge()) {
            return new Recommendation.SurfacePoint(w.workers(), eta, "unstable", Double.NaN, Double.NaN, 0,
                    Double.isFinite(late) ? Math.max(late, 0) : Double.NaN);
        }
        boolean within = eta <= w.eta() * (1 + 1e-12);
        double k = within ? kM * Math.pow(eta / w.eta(), -alpha) : kM;
        double seconds = w.seconds(k);
        return new Recommendation.SurfacePoint(w.workers(), eta, within ? "within margin" : "beyond margin", k,
                seconds, decay(f0, fTarget, seconds), late);
    }

    /**
     * @return the exponent of the updates to target in eta between the two measured points, clipped
     *     to [0, 1]; 1 (gradient flow) when they do not determine it
     */
    static double alpha(double kSmall, double etaSmall, double kM, double etaM) {
        if (!(kSmall > 0 && kM > 0) || !(etaM > etaSmall * 1.01)) {
            return 1;
        }
        double a = Math.log(kSmall / kM) / Math.log(etaM / etaSmall);
        return Math.min(1, Math.max(0, a));
    }

    private static double decay(double f0, double fTarget, double seconds) {
        if (!(f0 > 0 && fTarget > 0 && seconds > 0)) {
            return Double.NaN;
        }
        return Math.log(f0 / fTarget) / seconds;
    }
}
