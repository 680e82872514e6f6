package dev.asgd.theory.sampled;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.Require;
import java.util.function.DoubleUnaryOperator;

/**
 * Per-step contraction factors of ASGD on sampled least squares and the learning rates where they
 * reach 1.
 * <ul>
 * <li><b>Mean:</b> the mean map decouples into the eigen-modes of H; mode i is the scalar companion
 *     recursion of {@link CompanionRadius} with b = eta lambda_i. Its radius depends on b only, so
 *     with b* the smallest b &gt; 0 of radius 1 the mean edge is b* / lambda_max. b* is found by
 *     doubling until the radius reaches 1, a scan of 256 equal steps below that point (the radius need
 *     not be monotone in b: the SMALLEST crossing is returned, assuming no unstable window narrower
 *     than the grid step) and bisection to relative 1e-13.
 * <li><b>Mean square:</b> the radius of the homogeneous map X -&gt; E[A X A^T] on the lag-augmented
 *     covariance, by the reduction of {@link NoiseTransfer}: with r_det = (mean radius)^2, it is the
 *     root z of radius(K_z) = 1 above r_det, or r_det if there is none: bracketed by factors of 1000
 *     in z - r_det from 1e-9 r_det (1e-12 r_det if needed), then regula falsi (Illinois) on
 *     log(z - r_det) to relative 1e-13 in z;
 *     radius(K_z) is a Perron root computed by {@link ConeRadius} (power iteration with
 *     Collatz-Wielandt bounds to relative 1e-11). As E[A X A^T] &gt;= (EA) X (EA)^T on PSD X the
 *     mean-square edge is at most the mean edge, and below the mean edge radius(T) = 1 iff
 *     radius(K_1) = 1, so the edge is the smallest root of radius(K_1(eta)) = 1 on (0, meanEdge): a
 *     scan of 16 equal steps (smallest crossing, same caveat), then regula falsi to absolute
 *     1e-10 meanEdge.
 * </ul>
 * Requires H positive definite (otherwise a flat direction keeps both radii at 1 for every eta).
 * The methods are synchronized (the warm start of the Perron iteration is shared state).
 */
public final class SampledRates {
    /** Stride of the bracket search in log(z - r_det): a factor 1000. */
    private static final double STRIDE = Math.log(1000);

    private final SampledQuadratic model;
    private final StalenessLaw law;
    private final CompanionRadius companion;
    private final double[] lambda;
    private final ConeRadius cone;
    private double meanEdge = Double.NaN;
    private double meanSquareEdge = Double.NaN;

    private SampledRates(SampledQuadratic model, StalenessLaw law) {
        this.model = model;
        this.law = law;
        this.companion = new CompanionRadius(law);
        this.lambda = model.lambda();
        this.cone = new ConeRadius(model.dimension(), 1e-11, 5_000);
    }

    /**
     * @param model the sampled least-squares model (H positive definite)
     * @param pmf the staleness pmf p_0..p_L (&gt;= 0, finite, positive sum; normalised here)
     * @return the rates
     */
    public static SampledRates of(SampledQuadratic model, double[] pmf) {
        if (model == null) {
            throw new InvalidParameterException("model", "null", "a SampledQuadratic");
        }
        StalenessLaw law = StalenessLaw.of(pmf);
        double[] lambda = model.lambda();
        if (!(lambda[0] > 1e-12 * lambda[lambda.length - 1])) {
            throw new InvalidParameterException("hessian", "smallest eigenvalue " + lambda[0],
                    "a positive definite H (smallest eigenvalue > 1e-12 times the largest, "
                            + lambda[lambda.length - 1] + "): add a penalty or rows");
        }
        return new SampledRates(model, law);
    }

    /**
     * @param eta the learning rate &gt; 0
     * @return the spectral radius of the mean map: max over the eigenvalues lambda_i of H of the
     *     companion radius at b = eta lambda_i
     */
    public double meanContraction(double eta) {
        Require.positiveFinite(eta, "eta");
        double r = 0;
        double previous = Double.NaN;
        for (double l : lambda) {
            if (l != previous) {
                r = Math.max(r, companion.radius(eta * l));
            }
            previous = l;
        }
        return r;
    }

    /**
     * @param eta the learning rate &gt; 0
     * @return the spectral radius of the homogeneous second-moment map on the lag-augmented state
     */
    public synchronized double meanSquareContraction(double eta) {
        Require.positiveFinite(eta, "eta");
        double rmean = meanContraction(eta);
        double rdet = rmean * rmean;
        NoiseTransfer transfer = new NoiseTransfer(model, law, eta);
        // h = 1 / radius(K_z) - 1 rises from -1 at the pole z = r_det; the root may lie anywhere from
        // 1e-12 r_det above it (weak noise on the slowest mode) to far above, so search in log(z - r_det)
        double scale = rdet > 0 ? rdet : 1;
        DoubleUnaryOperator h = t -> 1 / cone.radius(transfer.kernel(rdet + scale * Math.exp(t))) - 1;
        double tlo = Math.log(1e-9);
        double hlo = h.applyAsDouble(tlo);
        if (!(hlo < 0)) {
            double thi = tlo;
            double hhi = hlo;
            tlo = Math.log(1e-12);
            hlo = h.applyAsDouble(tlo);
            if (!(hlo < 0)) {
                return rdet;
            }
            return rdet + scale * Math.exp(rootInLog(h, tlo, hlo, thi, hhi));
        }
        double thi = tlo + STRIDE;
        double hhi = h.applyAsDouble(thi);
        while (hhi < 0) {
            tlo = thi;
            hlo = hhi;
            thi += STRIDE;
            hhi = h.applyAsDouble(thi);
        }
        return rdet + scale * Math.exp(rootInLog(h, tlo, hlo, thi, hhi));
    }

    /** The root in t = log((z - r_det) / r_det), to 1e-13 relative in z (and at most 1e-3 in t). */
    private static double rootInLog(DoubleUnaryOperator h, double tlo, double hlo, double thi, double hhi) {
        // dz / z &lt;= dt (z - r_det) / r_det = dt e^t
        double xtol = Math.min(1e-3, Math.max(1e-12, 1e-13 / Math.exp(thi)));
        return Bracketed.root(h, tlo, hlo, thi, hhi, xtol, 200);
    }

    /**
     * @param eta a learning rate below the mean edge
     * @return radius(K_1) - 1 at eta, whose sign is that of radius(T) - 1
     */
    private double edgeFunction(double eta) {
        return cone.radius(new NoiseTransfer(model, law, eta).kernel(1)) - 1;
    }

    /** @return the smallest eta &gt; 0 at which the mean's radius reaches 1 ({@code +Infinity} if none below 2^40 / lambda_max) */
    public synchronized double meanEdge() {
        if (Double.isNaN(meanEdge)) {
            meanEdge = smallestCrossing(companion::radius, 1e-13) / lambda[lambda.length - 1];
        }
        return meanEdge;
    }

    /** @return the smallest eta &gt; 0 at which the second moment's radius reaches 1 */
    public synchronized double meanSquareEdge() {
        if (Double.isNaN(meanSquareEdge)) {
            meanSquareEdge = findMeanSquareEdge();
        }
        return meanSquareEdge;
    }

    private double findMeanSquareEdge() {
        double top = meanEdge();
        if (Double.isInfinite(top)) {
            return top;
        }
        int grid = 16;
        double lo = 0;
        double flo = Double.NaN;
        double hi = top * (1 - 1e-9);
        double fhi = Double.NaN;
        for (int j = 1; j < grid; j++) {
            double eta = top * j / grid;
            double f = edgeFunction(eta);
            if (f >= 0) {
                hi = eta;
                fhi = f;
                break;
            }
            lo = eta;
            flo = f;
        }
        if (Double.isNaN(fhi)) {
            fhi = edgeFunction(hi);
            if (fhi < 0) {
                return top; // the edges coincide (no noise in the slowest-converging direction)
            }
        }
        if (lo == 0) {
            lo = hi;
            do {
                lo /= 2;
                flo = edgeFunction(lo);
            } while (flo >= 0 && lo > 1e-12 * top);
        }
        return Bracketed.root(this::edgeFunction, lo, flo, hi, fhi, 1e-10 * top, 200);
    }

    /**
     * @param radius a radius as a function of x &gt; 0, below 1 just above 0
     * @param rel relative accuracy of the bisection
     * @return the smallest x &gt; 0 with radius(x) &gt;= 1 (on the scan's resolution)
     */
    static double smallestCrossing(DoubleUnaryOperator radius, double rel) {
        double hi = 0.5;
        while (radius.applyAsDouble(hi) < 1) {
            hi *= 2;
            if (hi > 0x1p40) {
                return Double.POSITIVE_INFINITY;
            }
        }
        int grid = 256;
        double lo = 0;
        for (int j = 1; j <= grid; j++) {
            double x = hi * j / grid;
            if (radius.applyAsDouble(x) >= 1) {
                hi = x;
                break;
            }
            lo = x;
        }
        while (hi - lo > rel * hi) {
            double mid = 0.5 * (lo + hi);
            if (radius.applyAsDouble(mid) >= 1) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
