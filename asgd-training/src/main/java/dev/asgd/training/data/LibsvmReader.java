package dev.asgd.training.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The LIBSVM / SVMlight sparse format: {@code label index:value index:value ...} with 1-based,
 * strictly increasing indices; d is the largest index seen. Blank lines and {@code #} comments are
 * skipped. Labels are kept as they are (binary problems treat label &gt; 0 as the positive class).
 */
public final class LibsvmReader {
    private LibsvmReader() {
    }

    /** @return the largest feature index: d dense parameters, a few copies per worker, fit in the heap */
    public static int maxIndex() {
        return (int) Math.min(Integer.MAX_VALUE - 8, dev.asgd.core.Limits.maxDoubles() / 64);
    }

    /**
     * @param file the LIBSVM file
     * @return its rows, sparse
     */
    public static SparseDataset read(Path file) {
        int[] start = new int[1024];
        int rows = 0;
        int[] idx = new int[4096];
        DoubleBuffer val = new DoubleBuffer();
        DoubleBuffer y = new DoubleBuffer();
        int d = 0;
        long no = 0;
        int maxIndex = maxIndex();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                no++;
                LibsvmRow row = LibsvmRow.parse(line, new TextPosition(file.toString(), no, false), maxIndex);
                if (row == null) {
                    continue;
                }
                y.add(row.label());
                for (int k = 0; k < row.index().length; k++) {
                    if (val.size() == idx.length) {
                        idx = Arrays.copyOf(idx, 2 * idx.length);
                    }
                    idx[val.size()] = row.index()[k];
                    val.add(row.value()[k]);
                }
                d = Math.max(d, row.features());
                rows++;
                if (rows == start.length) {
                    start = Arrays.copyOf(start, 2 * start.length);
                }
                start[rows] = val.size();
            }
        } catch (IOException e) {
            throw DataFormatErrors.io(file, no + 1, e);
        }
        if (rows == 0 || d == 0) {
            throw DataFormatErrors.at(file, 1, "at least one row with a feature, got none");
        }
        return new SparseDataset(Arrays.copyOf(start, rows + 1), Arrays.copyOf(idx, val.size()), val.toArray(),
                y.toArray(), d);
    }
}
