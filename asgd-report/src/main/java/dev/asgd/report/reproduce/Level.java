package dev.asgd.report.reproduce;

import java.util.List;
import java.util.Objects;

/**
 * A level of the software the report names: the closed forms and exact recursions of asgd-theory,
 * the SME (2.2)'s exact moments, the Monte Carlo simulator and SME ensembles of asgd-simulation, the
 * Fokker-Planck solver of (2.4) and real threaded training.
 *
 * @param key the key in results.json, e.g. {@code monteCarlo}
 * @param label the name shown in the report
 * @param module the module that computes it
 */
public record Level(String key, String label, String module) {
    /** Closed forms of the paper, as printed and sharp. */
    public static final Level CLOSED_FORM = new Level("closedForm", "closed form", "asgd-theory");
    /** Exact recursions of discrete ASGD's mean and second moment. */
    public static final Level EXACT_DISCRETE = new Level("exactDiscrete", "exact discrete recursion", "asgd-theory");
    /** Monte Carlo ensembles of discrete ASGD. */
    public static final Level MONTE_CARLO = new Level("monteCarlo", "Monte Carlo ASGD", "asgd-simulation");
    /** The SME (2.2)'s exact Gaussian moments. */
    public static final Level SME = new Level("sme", "SME exact moments", "asgd-theory");
    /** SDE ensemble integrators of the SME. */
    public static final Level SME_ENSEMBLE = new Level("smeEnsemble", "SME ensemble", "asgd-simulation");
    /** The Fokker-Planck equation (2.4): spectral gap and measured decay. */
    public static final Level FOKKER_PLANCK = new Level("fokkerPlanck", "Fokker-Planck", "asgd-fokkerplanck");
    /** Real asynchronous training with threads and measured staleness. */
    public static final Level TRAINING = new Level("training", "threaded training", "asgd-training");
    /** Every level, in the order the report lists them. */
    public static final List<Level> ALL = List.of(CLOSED_FORM, EXACT_DISCRETE, MONTE_CARLO, SME, SME_ENSEMBLE,
            FOKKER_PLANCK, TRAINING);

    /** Validates. */
    public Level {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(module, "module");
    }
}
