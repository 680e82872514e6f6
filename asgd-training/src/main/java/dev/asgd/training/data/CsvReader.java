package dev.asgd.training.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Dense CSV: one row per line, the label first, then the d features, separated by commas. A first
 * line whose label field is not a number is a header and skipped; blank lines and lines starting
 * with {@code #} are skipped ({@link CsvRow}). Every row must have the same number of fields.
 */
public final class CsvReader {
    private CsvReader() {
    }

    /**
     * @param file the CSV file
     * @return its rows
     */
    public static DenseDataset read(Path file) {
        DoubleBuffer x = new DoubleBuffer();
        DoubleBuffer y = new DoubleBuffer();
        int d = -1;
        long no = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                no++;
                double[] row = CsvRow.parse(line, no == 1, new TextPosition(file.toString(), no, false));
                if (row == null) {
                    continue;
                }
                if (d < 0) {
                    d = row.length - 1;
                } else if (row.length - 1 != d) {
                    throw DataFormatErrors.at(file, no, (d + 1) + " fields like the first row, got " + row.length);
                }
                y.add(row[0]);
                for (int j = 1; j < row.length; j++) {
                    x.add(row[j]);
                }
            }
        } catch (IOException e) {
            throw DataFormatErrors.io(file, no + 1, e);
        }
        if (d < 0) {
            throw DataFormatErrors.at(file, 1, "at least one data row, got none");
        }
        return new DenseDataset(x.toArray(), y.toArray(), d);
    }
}
