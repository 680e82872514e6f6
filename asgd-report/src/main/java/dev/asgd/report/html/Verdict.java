package dev.asgd.report.html;

/** The verdict on one claim of the paper. */
public enum Verdict {
    /** The claim holds as printed. */
    HOLDS("holds"),
    /** The claim holds once corrected (e.g. with the sharp rate in place of the printed one). */
    HOLDS_WITH_CORRECTION("holds with correction"),
    /** The claim fails. */
    FAILS("fails"),
    /** A level needed to test the claim is not available in this build. */
    NOT_AVAILABLE("not available");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** @return the words shown in the report */
    public String label() {
        return label;
    }

    /** @return the CSS class of the verdict badge */
    public String cssClass() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
