package dev.asgd.report.reproduce;

import dev.asgd.report.html.Section;
import java.util.Objects;

/**
 * An experiment's section of the report and its numbers for results.json: the typed result of the
 * study behind it (a record, serialised by {@link dev.asgd.report.json.Json}: its component names
 * are the keys, non-finite numbers become null).
 *
 * @param section the report section
 * @param numbers the study's result
 */
public record ExperimentResult(Section section, Object numbers) {

    /** Requires both. */
    public ExperimentResult {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(numbers, "numbers");
    }
}
