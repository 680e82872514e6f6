package dev.asgd.simulation.sde;

import dev.asgd.theory.sme.Matrix2;

/**
 * Reads a scheme's one-step map off its own code for the unperturbed quadratic in d = 1, where
 * every scheme is affine in (u, y, xi): z' = M z + N xi. M's columns are steps from the unit
 * states with zero noise, N's columns the steps from zero with one unit normal. The exact mean and
 * covariance of the scheme then follow m' = M m, P' = M P M^T + N N^T: a deterministic weak-error
 * reference with no sampling.
 *
 * @param map M
 * @param noise N N^T
 */
record LinearStepMaps(Matrix2 map, Matrix2 noise) {

    static LinearStepMaps of(SchemeKind kind, SdeProblem problem, double h) {
        double star = problem.loss().minimizer()[0];
        double[] c1 = apply(kind, problem, h, star, 1, 0, -1);
        double[] c2 = apply(kind, problem, h, star, 0, 1, -1);
        int draws = draws(kind, problem, h);
        double a = 0;
        double b = 0;
        double d = 0;
        for (int j = 0; j < draws; j++) {
            double[] n = apply(kind, problem, h, star, 0, 0, j);
            a += n[0] * n[0];
            b += n[0] * n[1];
            d += n[1] * n[1];
        }
        return new LinearStepMaps(new Matrix2(c1[0], c2[0], c1[1], c2[1]), new Matrix2(a, b, b, d));
    }

    /** One step from (u, y) with normal number {@code unit} set to 1 and the others 0 (none for -1). */
    private static double[] apply(SchemeKind kind, SdeProblem problem, double h, double star, double u, double y,
            int unit) {
        SdeScheme s = kind.create(problem, h);
        double[] theta = {star + u};
        double[] v = {y};
        s.begin(theta, v);
        int[] count = {0};
        s.step(theta, v, () -> count[0]++ == unit ? 1 : 0);
        return new double[] {theta[0] - star, v[0]};
    }

    private static int draws(SchemeKind kind, SdeProblem problem, double h) {
        SdeScheme s = kind.create(problem, h);
        int[] count = {0};
        s.step(new double[] {0}, new double[] {0}, () -> {
            count[0]++;
            return 0;
        });
        return count[0];
    }

    /** Exact moments of the scheme after n steps from a deterministic start. */
    Moments propagate(double u0, double y0, int n) {
        double[] m = {u0, y0};
        Matrix2 p = new Matrix2(0, 0, 0, 0);
        for (int k = 0; k < n; k++) {
            m = map.apply(m[0], m[1]);
            p = map.times(p).times(map.transpose()).plus(noise);
        }
        return new Moments(m[0], m[1], p);
    }

    /**
     * Mean and covariance of (u, y).
     *
     * @param mu mean of u
     * @param my mean of y
     * @param cov covariance
     */
    record Moments(double mu, double my, Matrix2 cov) {
        /** @return the largest difference over E u, E y, E u^2, E u y, E y^2 */
        double distance(Moments o) {
            double[] x = raw();
            double[] z = o.raw();
            double e = 0;
            for (int i = 0; i < x.length; i++) {
                e = Math.max(e, Math.abs(x[i] - z[i]));
            }
            return e;
        }

        private double[] raw() {
            return new double[] {mu, my, cov.a() + mu * mu, cov.b() + mu * my, cov.d() + my * my};
        }
    }
}
