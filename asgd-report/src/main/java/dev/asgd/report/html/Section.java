package dev.asgd.report.html;

import java.nio.file.Path;
import java.util.List;

/**
 * One experiment of the report: the claim under test, its figures, a table of numbers and a verdict.
 *
 * @param id short identifier, used as the HTML anchor and in results.json
 * @param title the heading
 * @param claim what the paper says, with its equation or remark number
 * @param figures PNG files to embed, in order
 * @param tables tables of numbers
 * @param verdict the verdict
 * @param verdictText one line saying why, with the numbers ("by how much")
 * @param notes further paragraphs (method, caveats)
 */
public record Section(String id, String title, String claim, List<Path> figures, List<Table> tables,
        Verdict verdict, String verdictText, List<String> notes) {

    /** Copies the lists. */
    public Section {
        figures = List.copyOf(figures);
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
    }
}
