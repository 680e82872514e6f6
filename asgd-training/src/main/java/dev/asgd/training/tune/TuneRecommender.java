package dev.asgd.training.tune;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a probe into a recommendation. The time to target at (eta, M) is M's measured start latency
 * plus the predicted updates to target over M's measured throughput. The updates to target k(eta)
 * (the {@link #TIME_MODEL}) come from two measured points: the small rate eta_s with one worker (k_s;
 * at a small rate staleness does not change the early curve, so it holds for every M) and safety x
 * edge with M workers (k_M at eta_M). Below eta_s, k = k_s eta_s / eta (the early curve is a function
 * of eta x updates: gradient flow); between the two, a power of eta through both points (log-log
 * interpolation: k falls with eta while the curve is gradient flow, rises once the gradient noise
 * limits it); above eta_M no further gain (k_M) up to the predicted edge, unstable beyond. The
 * recommendation is the point within the margin with the least predicted time (the largest decay per
 * second): one of the two measured points of some M.
 */
public final class TuneRecommender {
    /** How the time to target is predicted. */
    public static final String TIME_MODEL = "start latency + k(eta) / throughput of M; k(eta): updates to target measured"
            + " at a small eta (1 worker) and at safety x edge (M workers), a power of eta through both, gradient flow"
            + " (k ~ 1/eta) below, no gain above";
    /** Grid points per worker count of the surface. */
    static final int POINTS = 16;

    private TuneRecommender() {
    }

    /**
     * @param probed the probe
     * @param safety the safety margin
     * @param target the target (a loss target sets the decay's end point)
     * @return the recommendation (NaN times when no run met the target)
     */
    public static Recommendation recommend(TuneProbe.Probed probed, double safety, Target target) {
        ProbeResult p = probed.result();
        TimedRun small = p.smallEta();
        double f0 = small.initialLoss();
        double fTarget = target.accuracy() ? small.lossAtTarget() : target.value();
        double kS = small.reached() ? small.updatesToTarget() : Double.NaN;
        List<Recommendation.SurfacePoint> surface = new ArrayList<>();
        WorkerProbe best = p.workers().get(0);
        double bestEta = best.eta();
        double bestK = Double.NaN;
        double bestSeconds = Double.POSITIVE_INFINITY;
        double lo = small.eta() / 2;
        double hi = 1.2 * p.workers().stream().mapToDouble(WorkerProbe::edge).max().orElse(small.eta());
        for (WorkerProbe w : p.workers()) {
            Curve k = new Curve(small.eta(), kS, w.eta(), w.updatesToTarget());
            for (int i = 0; i < POINTS; i++) {
                double eta = lo * Math.pow(hi / lo, i / (POINTS - 1.0));
                surface.add(point(w, eta, k, f0, fTarget, probed.predictor()));
            }
            if (!(w.updatesPerSecond() > 0 && w.updatesPerSecond() < Double.POSITIVE_INFINITY)) {
                // runs too short for the clock (a tiny problem): no measured throughput, no candidate
                continue;
            }
            for (double eta : new double[] {Math.min(small.eta(), w.eta()), w.eta()}) {
                double kk = k.at(eta);
                double seconds = w.seconds(kk);
                if (seconds < bestSeconds) {
                    bestSeconds = seconds;
                    best = w;
                    bestEta = eta;
                    bestK = kk;
                }
            }
        }
        double seconds = best.seconds(bestK);
        return new Recommendation(best.workers(), bestEta, best.edge(), bestEta / best.edge(), bestK, seconds,
                decay(f0, fTarget, seconds), bestEta * p.noiseTrace() / 4, TIME_MODEL, surface);
    }

    private static Recommendation.SurfacePoint point(WorkerProbe w, double eta, Curve k, double f0, double fTarget,
            TunePredictor predictor) {
        double late = predictor.lateDecay(eta, w.law()) * w.updatesPerSecond();
        if (eta >= w.edge()) {
            return new Recommendation.SurfacePoint(w.workers(), eta, "unstable", Double.NaN, Double.NaN, 0,
                    Double.isFinite(late) ? Math.max(late, 0) : Double.NaN);
        }
        boolean within = eta <= w.eta() * (1 + 1e-12);
        double kk = k.at(eta);
        double seconds = w.seconds(kk);
        return new Recommendation.SurfacePoint(w.workers(), eta, within ? "within margin" : "beyond margin", kk,
                seconds, decay(f0, fTarget, seconds), late);
    }

    /**
     * The predicted updates to target against eta through the two measured points (either may be
     * missing: NaN).
     */
    record Curve(double etaS, double kS, double etaM, double kM) {
        double at(double eta) {
            boolean s = kS > 0;
            boolean m = kM > 0 && etaM > etaS * 1.01;
            if (!(kM > 0)) {
                return s && eta <= etaS ? kS * etaS / eta : Double.NaN;
            }
            if (!m) {
                // the margin's rate is at or below the small rate: its measurement alone
                return eta <= etaM ? kM * etaM / eta : kM;
            }
            if (!s) {
                return eta <= etaM ? kM * etaM / eta : kM;
            }
            if (eta <= etaS) {
                return kS * etaS / eta;
            }
            if (eta >= etaM) {
                return kM;
            }
            return kM * Math.pow(eta / etaM, -alpha(kS, etaS, kM, etaM));
        }
    }

    /**
     * @return the exponent of the updates to target in eta between the two measured points (negative
     *     when the larger rate needed more updates); 1 (gradient flow) when they do not determine it
     */
    static double alpha(double kSmall, double etaSmall, double kM, double etaM) {
        if (!(kSmall > 0 && kM > 0) || !(etaM > etaSmall * 1.01)) {
            return 1;
        }
        return Math.log(kSmall / kM) / Math.log(etaM / etaSmall);
    }

    private static double decay(double f0, double fTarget, double seconds) {
        if (!(f0 > 0 && fTarget > 0 && seconds > 0)) {
            return Double.NaN;
        }
        return Math.log(f0 / fTarget) / seconds;
    }
}
