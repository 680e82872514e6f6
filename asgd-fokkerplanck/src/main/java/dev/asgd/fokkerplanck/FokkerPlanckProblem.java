package dev.asgd.fokkerplanck;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.Require;
import dev.asgd.core.perturbation.Perturbation;
import dev.asgd.fokkerplanck.hermite.CoordinateOperator;
import dev.asgd.fokkerplanck.hermite.HermiteBasis;
import dev.asgd.fokkerplanck.hermite.HermiteGalerkinOperator;
import dev.asgd.fokkerplanck.hermite.PairIndex;
import dev.asgd.theory.SmeParameters;
import java.util.Arrays;

/**
 * The Fokker-Planck equation (2.4) for a d-dimensional perturbed quadratic (d = 1 or 2) with a
 * diagonal Hessian omega_i^2 and the coordinate-wise perturbation eps_i(theta) = eps(theta_i):
 * every coordinate has the same friction gamma and its own inverse temperature
 * beta_i = 2 gamma / (tau_i^2 omega_i^4) (SME map of section 2), and the Hermite truncation degree.
 *
 * @param eta learning rate
 * @param kappa staleness rate
 * @param omega0 one square root of a Hessian eigenvalue per coordinate (1 or 2 of them)
 * @param sigma gradient-noise level per coordinate, each {@code > 0} (beta is infinite otherwise)
 * @param perturbation eps
 * @param degree the total degree N of the Hermite truncation, {@code >= 2}
 */
public record FokkerPlanckProblem(double eta, double kappa, double[] omega0, double[] sigma,
        Perturbation perturbation, int degree) {

    /** Largest degree accepted whatever the memory (keeps int indices and run times sane). */
    public static final int MAX_DEGREE_D1 = 160;
    /** Largest degree accepted for d = 2. */
    public static final int MAX_DEGREE_D2 = 48;
    /** The default degree for d = 1. */
    public static final int DEFAULT_DEGREE_D1 = 32;
    /** The default degree for d = 2 (its basis grows as N^4). */
    public static final int DEFAULT_DEGREE_D2 = 12;

    /** Validates, including a memory estimate against the JVM's maximum heap. */
    public FokkerPlanckProblem {
        Require.positiveFinite(eta, "eta");
        Require.inHalfOpen(kappa, 0, 1, "kappa");
        omega0 = Require.positiveFiniteAll(omega0, "omega0");
        if (omega0.length > 2) {
            throw new InvalidParameterException("omega0", Arrays.toString(omega0),
                    "1 or 2 values (the Fokker-Planck solver handles d = 1 and d = 2)");
        }
        sigma = Require.positiveFiniteAll(sigma, "sigma");
        if (sigma.length != omega0.length) {
            throw new InvalidParameterException("sigma", Arrays.toString(sigma), omega0.length + " values");
        }
        if (perturbation == null) {
            throw new InvalidParameterException("perturbation", "null", "a perturbation");
        }
        int max = omega0.length == 1 ? MAX_DEGREE_D1 : MAX_DEGREE_D2;
        if (degree < 2 || degree > max) {
            throw new InvalidParameterException("degree", degree, "2 <= degree <= " + max + " for d = " + omega0.length);
        }
        long need = estimatedBytes(omega0.length, degree, !perturbation.isZero());
        long have = Runtime.getRuntime().maxMemory();
        if (need > have / 2) {
            throw new InvalidParameterException("degree", degree, "a degree whose working set (about "
                    + need / (1 << 20) + " MiB) fits in half the maximum heap (" + have / (1 << 20) + " MiB)");
        }
    }

    /**
     * @param dimension d, 1 or 2
     * @return the default Hermite degree: {@link #DEFAULT_DEGREE_D1} for d = 1, else {@link #DEFAULT_DEGREE_D2}
     */
    public static int defaultDegree(int dimension) {
        return dimension == 1 ? DEFAULT_DEGREE_D1 : DEFAULT_DEGREE_D2;
    }

    /**
     * A rough upper bound on the solver's working memory: the dense pair matrices of R (two of
     * size K1^2 during assembly), the GMRES Krylov basis and the series' vectors.
     *
     * @param dimension d
     * @param degree N
     * @param perturbed eps != 0
     * @return bytes
     */
    public static long estimatedBytes(int dimension, int degree, boolean perturbed) {
        long k1 = PairIndex.count(degree);
        long k = HermiteBasis.count(dimension, degree);
        long pair = perturbed ? 2 * k1 * k1 * dimension : 0;
        long krylov = 70 * k;
        long dense = dimension == 1 && perturbed ? 3 * k * k : 0;
        return 8 * (pair + krylov + dense);
    }

    /** @return d */
    public int dimension() {
        return omega0.length;
    }

    @Override
    public double[] omega0() {
        return omega0.clone();
    }

    @Override
    public double[] sigma() {
        return sigma.clone();
    }

    /**
     * @param c a coordinate
     * @return its SME parameters
     */
    public SmeParameters sme(int c) {
        return SmeParameters.of(eta, kappa, omega0[c], sigma[c]);
    }

    /** @return the friction gamma (shared by the coordinates) */
    public double gamma() {
        return sme(0).gamma();
    }

    /** @return SME time per ASGD step */
    public double deltaT() {
        return sme(0).deltaT();
    }

    /**
     * @param newDegree another truncation degree
     * @return this problem at that degree
     */
    public FokkerPlanckProblem withDegree(int newDegree) {
        return new FokkerPlanckProblem(eta, kappa, omega0, sigma, perturbation, newDegree);
    }

    /** @return the Galerkin operator of this problem */
    public HermiteGalerkinOperator operator() {
        HermiteBasis basis = new HermiteBasis(dimension(), degree);
        CoordinateOperator[] ops = new CoordinateOperator[dimension()];
        for (int c = 0; c < ops.length; c++) {
            SmeParameters s = sme(c);
            ops[c] = new CoordinateOperator(omega0[c], s.gamma(), s.beta(), perturbation, degree,
                    quadratureNodes(degree));
        }
        return new HermiteGalerkinOperator(basis, ops);
    }

    /**
     * @param degree N
     * @return Gauss-Hermite nodes per variable used for eps: 3N/2 + 32 (the products phi_i phi_j
     *     need N + 1; the rest resolves eps itself)
     */
    public static int quadratureNodes(int degree) {
        return 3 * degree / 2 + 32;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FokkerPlanckProblem p && Double.compare(eta, p.eta) == 0
                && Double.compare(kappa, p.kappa) == 0 && Arrays.equals(omega0, p.omega0)
                && Arrays.equals(sigma, p.sigma) && perturbation.equals(p.perturbation) && degree == p.degree;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {eta, kappa, Arrays.hashCode(omega0), Arrays.hashCode(sigma),
            perturbation, degree});
    }

    @Override
    public String toString() {
        return "FokkerPlanckProblem[eta=" + eta + ", kappa=" + kappa + ", omega0=" + Arrays.toString(omega0)
                + ", sigma=" + Arrays.toString(sigma) + ", perturbation=" + perturbation.spec() + ", degree=" + degree
                + "]";
    }
}
