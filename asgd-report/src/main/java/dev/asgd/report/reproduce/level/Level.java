package dev.asgd.report.reproduce.level;

import java.util.Locale;

/** The levels of the software: the name the report shows and the module that computes each. */
public enum Level {
    /** Closed forms of the paper, as printed and sharp (asgd-theory). */
    CLOSED_FORM("closed form", "asgd-theory"),
    /** Exact recursions of discrete ASGD's mean and second moment (asgd-theory). */
    EXACT_DISCRETE("exact discrete recursion", "asgd-theory"),
    /** Monte Carlo ensembles of discrete ASGD (asgd-simulation). */
    MONTE_CARLO("Monte Carlo ASGD", "asgd-simulation"),
    /** The SME (2.2)'s exact Gaussian moments (asgd-theory, LinearSme). */
    SME("SME exact moments", "asgd-theory"),
    /** SDE ensemble integrators of the SME (asgd-simulation, package sde). */
    SME_ENSEMBLE("SME ensemble", "asgd-simulation"),
    /** The Fokker-Planck equation (2.4): spectral gap and measured decay (asgd-fokkerplanck). */
    FOKKER_PLANCK("Fokker-Planck", "asgd-fokkerplanck"),
    /** Real asynchronous training with threads and measured staleness (asgd-training). */
    TRAINING("threaded training", "asgd-training");

    private final String label;
    private final String module;

    Level(String label, String module) {
        this.label = label;
        this.module = module;
    }

    /** @return the name shown in the report */
    public String label() {
        return label;
    }

    /** @return the module that computes it */
    public String module() {
        return module;
    }

    /**
     * @return true: every level is in the build (kept while ErrataExperiment, DelayExperiment and the
     *     pipeline's results.json still ask; they can drop the check)
     */
    public boolean available() {
        return true;
    }

    /** @return the key in results.json, e.g. {@code monteCarlo} */
    public String key() {
        String[] parts = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return sb.toString();
    }
}
