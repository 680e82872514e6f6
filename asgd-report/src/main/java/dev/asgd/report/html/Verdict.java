package dev.asgd.report.html;

import java.util.Locale;

/** The verdict on one claim of the paper. */
public enum Verdict {
    /** The claim holds as printed. */
    HOLDS,
    /** The claim holds once corrected (e.g. with the sharp rate in place of the printed one). */
    HOLDS_WITH_CORRECTION,
    /** The claim fails. */
    FAILS;

    /** @return the words shown in the report: {@code holds}, {@code holds with correction}, {@code fails} */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** @return the CSS class of the verdict badge */
    public String cssClass() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
