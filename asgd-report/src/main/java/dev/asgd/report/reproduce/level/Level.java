package dev.asgd.report.reproduce.level;

import java.util.Locale;

/** The levels of the software, and whether this build has each. */
public enum Level {
    /** Closed forms of the paper, as printed and sharp (asgd-theory). */
    CLOSED_FORM("closed form", "asgd-theory", true),
    /** Exact recursions of discrete ASGD's mean and second moment (asgd-theory). */
    EXACT_DISCRETE("exact discrete recursion", "asgd-theory", true),
    /** Monte Carlo ensembles of discrete ASGD (asgd-simulation, issue 3). */
    MONTE_CARLO("Monte Carlo ASGD", "asgd-simulation", MonteCarloLevel.AVAILABLE),
    /** The SME (2.2)'s exact Gaussian moments (asgd-theory, LinearSme). */
    SME("SME exact moments", "asgd-theory", true),
    /** SDE ensemble integrators of the SME (asgd-simulation, package sde). */
    SME_ENSEMBLE("SME ensemble", "asgd-simulation", SmeEnsembleLevel.AVAILABLE),
    /** The Fokker-Planck equation (2.4): spectral gap and measured decay (asgd-fokkerplanck, issue 5). */
    FOKKER_PLANCK("Fokker-Planck", "asgd-fokkerplanck", FokkerPlanckLevel.AVAILABLE),
    /** Real asynchronous training with threads and measured staleness (asgd-training). */
    TRAINING("threaded training", "asgd-training", true);

    private final String label;
    private final String module;
    private final boolean available;

    Level(String label, String module, boolean available) {
        this.label = label;
        this.module = module;
        this.available = available;
    }

    /** @return the name shown in the report */
    public String label() {
        return label;
    }

    /** @return the module that computes it */
    public String module() {
        return module;
    }

    /** @return whether this build has the level */
    public boolean available() {
        return available;
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
