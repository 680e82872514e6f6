package dev.asgd.report.reproduce;

import dev.asgd.report.html.Section;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An experiment's section of the report and its numbers for results.json (maps, lists, strings,
 * numbers and arrays; non-finite numbers are written as null).
 *
 * @param section the report section
 * @param numbers the numbers
 */
public record ExperimentResult(Section section, Map<String, Object> numbers) {

    /** Copies the map, keeping its order. */
    public ExperimentResult {
        numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    }
}
