package dev.asgd.training.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Dense CSV: one row per line, the label first, then the d features, separated by commas. A first
 * line whose label field is not a number is a header and skipped; blank lines and lines starting
 * with {@code #} are skipped. Every row must have the same number of fields.
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
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] f = t.split(",", -1);
                if (no == 1 && !looksNumeric(f[0].strip())) {
                    continue;
                }
                if (f.length < 2) {
                    throw DataFormatErrors.at(file, no, "a label and at least one feature, got " + f.length + " field");
                }
                if (d < 0) {
                    d = f.length - 1;
                } else if (f.length - 1 != d) {
                    throw DataFormatErrors.at(file, no, (d + 1) + " fields like the first row, got " + f.length);
                }
                y.add(DataFormatErrors.parseFinite(f[0].strip(), file, no, "label"));
                for (int j = 1; j < f.length; j++) {
                    x.add(DataFormatErrors.parseFinite(f[j].strip(), file, no, "feature " + j));
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

    private static boolean looksNumeric(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
