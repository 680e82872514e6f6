package dev.asgd.simulation.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether the SME tracks ASGD, and why not. The SME is an expansion in eta omega^2 (its stationary
 * second moment is off by a relative eta omega^2 / 2 + o(eta), tested), it is stable for every eta
 * while ASGD's second moment diverges above a finite eta, and it says nothing about the
 * discrete algorithm once the relative weak error is not small. It tracks when ASGD's second
 * moment is stable and every resolved relative weak error (mean and second moment over the
 * horizon, stationary second moment) is within the tolerance.
 *
 * @param tracks whether the SME tracks ASGD for this parameter set
 * @param summary one sentence
 * @param reasons why it does not track (empty when it does)
 * @param notes caveats that do not decide the verdict
 */
public record Verdict(boolean tracks, String summary, List<String> reasons, List<String> notes) {

    /** Above this eta omega_max^2 the SME's small-eta expansion is not small (a note, not a verdict). */
    public static final double NOT_SMALL = 0.1;

    /** Copies the lists. */
    public Verdict {
        reasons = List.copyOf(reasons);
        notes = List.copyOf(notes);
    }

    /**
     * @param eta the learning rate
     * @param omegaMax the stiffest omega
     * @param asgdUnstable why ASGD's second moment diverges, or null when it does not
     * @param error the weak error over the horizon (null when unavailable)
     * @param stationary the stationary second moments (null when unavailable)
     * @param tolerance the largest relative error that still tracks
     * @return the verdict
     */
    public static Verdict of(double eta, double omegaMax, String asgdUnstable, WeakError error, Stationary stationary,
            double tolerance) {
        List<String> reasons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (asgdUnstable != null) {
            reasons.add(asgdUnstable + "; the SME's second moment is stable for every eta, so the SME does not"
                    + " track ASGD here");
        }
        double a = eta * omegaMax * omegaMax;
        if (a > NOT_SMALL) {
            notes.add(fmt("eta omega0^2 = %.3g is not small (> %.2g): the SME is an expansion in eta omega0^2 and"
                    + " is not expected to track ASGD closely (leading relative stationary error about"
                    + " eta omega0^2 / 2 = %.3g)", a, NOT_SMALL, a / 2));
        }
        if (asgdUnstable == null && error != null) {
            check(reasons, notes, "mean over the horizon", error.meanRelative(), error.meanResolved(), tolerance,
                    "relative to max |E theta_k - theta*|");
            check(reasons, notes, "second moment over the horizon", error.secondMomentRelative(),
                    error.secondMomentResolved(), tolerance, "relative to max E|theta_k - theta*|^2");
        }
        if (asgdUnstable == null && stationary != null) {
            check(reasons, notes, "stationary second moment", Math.abs(stationary.relativeError()),
                    stationary.resolved(), tolerance, fmt("SME %.6g vs ASGD %.6g", stationary.sme(), stationary.asgd()));
        }
        boolean tracks = reasons.isEmpty();
        String summary = tracks
                ? fmt("the SME tracks ASGD: every resolved relative weak error is within %.3g", tolerance)
                : "the SME does NOT track ASGD: " + reasons.get(0);
        return new Verdict(tracks, summary, reasons, notes);
    }

    private static void check(List<String> reasons, List<String> notes, String what, double relative,
            boolean resolved, double tolerance, String detail) {
        if (!Double.isFinite(relative)) {
            return;
        }
        if (!resolved) {
            notes.add(fmt("%s: relative error %.3g is within the Monte Carlo noise (%.0f standard errors)", what,
                    relative, WeakError.RESOLUTION));
        } else if (relative > tolerance) {
            reasons.add(fmt("%s: relative weak error %.3g > tolerance %.3g (%s)", what, relative, tolerance, detail));
        }
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
