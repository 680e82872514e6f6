package dev.asgd.report.reproduce.level;

/**
 * SDE ensemble integrators of the SME and their weak error against discrete ASGD. Not in this
 * build yet (issue 4).
 */
public final class SmeEnsembleLevel {
    /** Whether the SME ensemble integrators are in this build. */
    public static final boolean AVAILABLE = false;

    private SmeEnsembleLevel() {
    }
}
