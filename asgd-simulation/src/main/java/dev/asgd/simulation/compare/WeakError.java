package dev.asgd.simulation.compare;

import dev.asgd.simulation.SeriesPoint;
import java.util.List;

/**
 * The weak error of one series against a reference over a horizon: the largest distance of the
 * means |E theta_k - E Theta(k deltaT)| (Euclidean over coordinates) and of the second moments
 * |E|theta_k - theta*|^2 - E|Theta - theta*|^2| over the shared record steps, where they occur, their
 * Monte Carlo standard errors there (NaN when both sides are exact), and the scales they are
 * relative to: the largest |E theta_k - theta*| and the largest second moment of the reference.
 *
 * @param meanMax largest mean distance
 * @param meanMaxStep its step
 * @param meanStdErr its standard error (NaN when exact)
 * @param meanScale largest |E theta_k - theta*| of the reference
 * @param secondMomentMax largest second-moment distance
 * @param secondMomentMaxStep its step
 * @param secondMomentStdErr its standard error (NaN when exact)
 * @param secondMomentScale largest second moment of the reference
 */
public record WeakError(double meanMax, long meanMaxStep, double meanStdErr, double meanScale, double secondMomentMax,
        long secondMomentMaxStep, double secondMomentStdErr, double secondMomentScale) {

    /** A distance within this many standard errors of zero is not resolved by the Monte Carlo. */
    public static final double RESOLUTION = 3;

    /**
     * @param reference the reference records
     * @param other the compared records (matched to the reference by step)
     * @param thetaStar theta*
     * @return the weak error over the steps both carry
     */
    public static WeakError of(List<SeriesPoint> reference, List<SeriesPoint> other, double[] thetaStar) {
        java.util.Map<Long, SeriesPoint> byStep = new java.util.HashMap<>();
        for (SeriesPoint p : other) {
            byStep.put(p.step(), p);
        }
        double meanMax = -1;
        long meanStep = -1;
        double meanSe = Double.NaN;
        double m2Max = -1;
        long m2Step = -1;
        double m2Se = Double.NaN;
        double meanScale = 0;
        double m2Scale = 0;
        for (SeriesPoint r : reference) {
            meanScale = Math.max(meanScale, distance(r.mean(), thetaStar));
            m2Scale = Math.max(m2Scale, r.secondMoment());
            SeriesPoint o = byStep.get(r.step());
            if (o == null) {
                continue;
            }
            double dm = distance(r.mean(), o.mean());
            if (dm > meanMax || Double.isNaN(dm)) {
                meanMax = dm;
                meanStep = r.step();
                meanSe = combined(r.meanStdErr(), o.meanStdErr());
            }
            double d2 = Math.abs(r.secondMoment() - o.secondMoment());
            if (d2 > m2Max || Double.isNaN(d2)) {
                m2Max = d2;
                m2Step = r.step();
                m2Se = combined(new double[] {r.secondMomentStdErr()}, new double[] {o.secondMomentStdErr()});
            }
            if (Double.isNaN(dm) && Double.isNaN(d2)) {
                break;
            }
        }
        return new WeakError(meanMax, meanStep, meanSe, meanScale, m2Max, m2Step, m2Se, m2Scale);
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** sqrt of the summed variances of both sides over coordinates (an upper bound for the norm's). */
    private static double combined(double[] a, double[] b) {
        double s = 0;
        boolean any = false;
        for (double[] v : new double[][] {a, b}) {
            for (double x : v) {
                if (Double.isFinite(x)) {
                    s += x * x;
                    any = true;
                }
            }
        }
        return any ? Math.sqrt(s) : Double.NaN;
    }

    /** @return meanMax / meanScale (NaN when the scale is zero) */
    public double meanRelative() {
        return meanScale > 0 ? meanMax / meanScale : Double.NaN;
    }

    /** @return secondMomentMax / secondMomentScale */
    public double secondMomentRelative() {
        return secondMomentScale > 0 ? secondMomentMax / secondMomentScale : Double.NaN;
    }

    /** @return whether the mean distance exceeds its Monte Carlo noise (always, when exact) */
    public boolean meanResolved() {
        return !(meanStdErr > 0) || meanMax > RESOLUTION * meanStdErr;
    }

    /** @return whether the second-moment distance exceeds its Monte Carlo noise (always, when exact) */
    public boolean secondMomentResolved() {
        return !(secondMomentStdErr > 0) || secondMomentMax > RESOLUTION * secondMomentStdErr;
    }
}
