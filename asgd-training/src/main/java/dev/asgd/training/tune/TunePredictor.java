package dev.asgd.training.tune;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.theory.sampled.SampledQuadratic;
import dev.asgd.theory.sampled.SampledRates;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.predict.LocalQuadraticTheory;
import dev.asgd.training.predict.StalenessLaw;
import dev.asgd.training.problem.LocalQuadraticProblem;
import dev.asgd.training.problem.Problem;

/**
 * The one seam between the tuner and the theory: the stability edge (and, where the theory has
 * one, the late-phase decay per update) for a measured staleness law. Two models:
 * <ul>
 *   <li>{@link #LOCAL_QUADRATIC}: {@link LocalQuadraticTheory} (least squares exactly; logistic
 *       regression by its local quadratic model at theta*), for the problems it covers;</li>
 *   <li>{@link #EMPIRICAL}: every other problem (softmax, large d): the one-dimensional sampled
 *       quadratic along the top Hessian eigenvector at the probe's end point ({@link
 *       EmpiricalCurvature}: each row's curvature and gradient along it), fed to the same exact
 *       recursions (asgd-theory's {@code SampledRates}) with the measured law.</li>
 * </ul>
 * When the local quadratic theory covers more problems, only {@link #of} changes.
 */
public final class TunePredictor {
    /** The model's name when {@link LocalQuadraticTheory} covers the problem. */
    public static final String LOCAL_QUADRATIC = "local quadratic theory at theta* (LocalQuadraticTheory)";
    /** The model's name for the empirical fallback. */
    public static final String EMPIRICAL = "empirical: top Hessian direction at the probe's end point"
            + " (Lanczos on finite-difference Hessian-vector products), its per-row curvature and gradient as a 1-d sampled quadratic";

    private final String model;
    private final String phase;
    private final LocalQuadraticTheory theory;
    private final SampledQuadratic direction;

    private TunePredictor(String model, String phase, LocalQuadraticTheory theory, SampledQuadratic direction) {
        this.model = model;
        this.phase = phase;
        this.theory = theory;
        this.direction = direction;
    }

    /**
     * @param problem the problem
     * @param train the training rows
     * @param evalRows the rows of the evaluated loss
     * @param batch the minibatch size
     * @param curvature the probe's curvature at its end point (used by the empirical model)
     * @return the predictor: the local quadratic theory where it applies, else the empirical model
     */
    public static TunePredictor of(Problem problem, Dataset train, Dataset evalRows, int batch,
            EmpiricalCurvature curvature) {
        if (problem instanceof LocalQuadraticProblem local && problem.dimension() <= LocalQuadraticTheory.MAX_DIMENSION) {
            try {
                LocalQuadraticTheory t = LocalQuadraticTheory.of(local, train, evalRows, batch);
                return new TunePredictor(LOCAL_QUADRATIC, t.phase(), t, null);
            } catch (InvalidParameterException | ArithmeticException e) {
                // e.g. separated classes without a penalty: no optimum; the empirical model still applies
            }
        }
        return empirical(curvature, batch);
    }

    /**
     * @param curvature the curvature at the probe's end point
     * @param batch the minibatch size
     * @return the empirical model
     */
    public static TunePredictor empirical(EmpiricalCurvature curvature, int batch) {
        double[] c = curvature.rowCurvature();
        double[] rows = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            rows[i] = Math.sqrt(c[i]);
        }
        SampledQuadratic q = SampledQuadratic.of(rows, curvature.rowGradient(), new double[1], batch);
        return new TunePredictor(EMPIRICAL, "the stability edge along the top curvature direction; no decay rate",
                null, q);
    }

    /** @return which model predicts */
    public String model() {
        return model;
    }

    /** @return which phase of a run the predictions cover (null: the whole run, exact) */
    public String phase() {
        return phase;
    }

    /**
     * @param law the staleness law of M workers
     * @return the mean-square stability edge in eta
     */
    public double edge(StalenessLaw law) {
        return rates(law).meanSquareEdge();
    }

    /**
     * @param eta the learning rate
     * @param law the staleness law
     * @return the late-phase decay per update -ln rho_ms, NaN for the empirical model (it has none)
     */
    public double lateDecay(double eta, StalenessLaw law) {
        if (theory == null) {
            return Double.NaN;
        }
        return -Math.log(theory.rates(law).meanSquareContraction(eta));
    }

    private SampledRates rates(StalenessLaw law) {
        return theory != null ? theory.rates(law) : SampledRates.of(direction, law.pmf());
    }
}
