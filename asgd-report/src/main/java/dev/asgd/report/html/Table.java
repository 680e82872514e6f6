package dev.asgd.report.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A table of numbers and words: a header row and data rows of equal length.
 *
 * @param header column names
 * @param rows the rows, each as long as the header
 */
public record Table(List<String> header, List<List<String>> rows) {

    /** Copies and checks the shape. */
    public Table {
        header = List.copyOf(header);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("row of " + r.size() + " cells under a header of " + header.size());
            }
            copy.add(List.copyOf(r));
        }
        rows = Collections.unmodifiableList(copy);
    }
}
