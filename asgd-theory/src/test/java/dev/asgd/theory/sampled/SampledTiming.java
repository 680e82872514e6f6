package dev.asgd.theory.sampled;

import java.util.Locale;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Timing note, not a test: {@code java -cp <test classpath> dev.asgd.theory.sampled.SampledTiming [p L n B]}
 * (defaults p = 21, L = 40, n = 50000, B = 8; uniform staleness on 0..L, i.e. L + 1 non-zero p_l).
 * Prints the set-up time, the time per moment step, and the times of meanSquareContraction and the
 * edges.
 */
public final class SampledTiming {
    private SampledTiming() {
    }

    /**
     * @param args optional p, L, n, B
     */
    public static void main(String[] args) {
        int p = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        int lag = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        SampledQuadratic model = SampledModels.regression(RandomSource.XO_RO_SHI_RO_128_PP.create(7L), n, p, batch, 1e-3);
        long t0 = System.nanoTime();
        model = SampledModels.regression(RandomSource.XO_RO_SHI_RO_128_PP.create(7L), n, p, batch, 1e-3);
        double setup = (System.nanoTime() - t0) * 1e-9;
        double[] pmf = new double[lag + 1];
        java.util.Arrays.fill(pmf, 1.0);
        double[] lambda = model.hessianEigenvalues();
        double eta = 0.05 / lambda[p - 1];
        SampledMoments moments = SampledMoments.start(model, eta, pmf, new double[p]);
        for (int k = 0; k < 3000; k++) {
            moments.step();
        }
        int steps = 5000;
        t0 = System.nanoTime();
        for (int k = 0; k < steps; k++) {
            moments.step();
        }
        double perStep = (System.nanoTime() - t0) * 1e-9 / steps;
        SampledRates rates = SampledRates.of(model, pmf);
        t0 = System.nanoTime();
        double me = rates.meanEdge();
        double meanEdgeTime = (System.nanoTime() - t0) * 1e-9;
        System.out.printf(Locale.ROOT, "p=%d L=%d n=%d B=%d: set-up %.3f s, step %.3f ms%n", p, lag, n, batch, setup,
                perStep * 1e3);
        System.out.printf(Locale.ROOT, "meanEdge %.8g in %.3f s%n", me, meanEdgeTime);
        for (double f : new double[] {0.2, 0.5, 0.8, 0.9, 0.95}) {
            t0 = System.nanoTime();
            double r = rates.meanSquareContraction(f * me);
            double sec = (System.nanoTime() - t0) * 1e-9;
            System.out.printf(Locale.ROOT, "meanSquareContraction(%.2f meanEdge) = %.12f in %.3f s (mean radius^2 %.12f)%n",
                    f, r, sec, Math.pow(rates.meanContraction(f * me), 2));
        }
        t0 = System.nanoTime();
        double mse = rates.meanSquareEdge();
        double edgeTime = (System.nanoTime() - t0) * 1e-9;
        System.out.printf(Locale.ROOT, "meanSquareEdge %.10g in %.3f s; radius there %.12f%n", mse, edgeTime,
                rates.meanSquareContraction(mse));
    }
}
