package dev.asgd.spark;

import dev.asgd.training.data.CsvRow;
import dev.asgd.training.data.LibsvmRow;
import dev.asgd.training.data.TextPosition;
import java.io.Serializable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import scala.Tuple2;

/**
 * The rows of one split of a text file, parsed on the executor that reads it with asgd-training's
 * line parsers ({@link CsvRow}, {@link LibsvmRow}: the same rows, bit for bit, as its readers), each
 * with its place in the run: a row is identified by (file, byte offset of its line), whatever the
 * partitioning, and a hash of (seed, file, offset) decides whether it is held out and which
 * worker's shard it joins. The split and the shards are therefore deterministic from the seed, and
 * a recomputed partition (a lost executor) gives the same rows in the same order.
 */
final class ShardRows {
    private ShardRows() {
    }

    /** The two text formats. */
    enum Format {
        /** Dense CSV, label first. */
        CSV,
        /** LIBSVM, sparse. */
        LIBSVM
    }

    /**
     * Where a row goes.
     *
     * @param seed the run's seed
     * @param testFraction share held out, in [0, 1)
     * @param shards M, the training partitions
     */
    record Placement(long seed, double testFraction, int shards) implements Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * @param file the hash of the row's file
         * @param offset the byte offset of its line
         * @return the row's hash
         */
        long hash(long file, long offset) {
            return mix(mix(seed ^ 0x9E3779B97F4A7C15L) ^ file) ^ mix(offset + 0x632BE59BD9B4E019L);
        }

        /**
         * @param hash a row's hash
         * @return whether the row is held out
         */
        boolean test(long hash) {
            return (hash >>> 11) * 0x1.0p-53 < testFraction;
        }

        /**
         * @param hash a training row's hash
         * @return its shard, in [0, M)
         */
        int shard(long hash) {
            return (int) Long.remainderUnsigned(mix(hash ^ 0xD6E8FEB86659FD93L), shards);
        }
    }

    /**
     * A training row's key in the shuffle: its shard and its identity, ordered by the identity (so a
     * shard's rows come in the same order whatever order the shuffle fetched them in).
     *
     * @param shard the shard
     * @param file the hash of its file
     * @param offset the byte offset of its line
     */
    record Key(int shard, long file, long offset) implements Comparable<Key>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compareTo(Key o) {
            int c = Long.compare(file, o.file);
            return c != 0 ? c : Long.compare(offset, o.offset);
        }
    }

    /**
     * One parsed row.
     *
     * @param key its key (shard -1 when held out)
     * @param label the label
     * @param values the dense features (CSV) or the stored values (LIBSVM)
     * @param index the 0-based feature indices (LIBSVM), or null
     */
    record Row(Key key, double label, double[] values, int[] index) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** @return whether the row is held out */
        boolean test() {
            return key.shard() < 0;
        }

        /** @return the features of a dense row, the largest index + 1 of a sparse one */
        int features() {
            return index == null ? values.length : index.length == 0 ? 0 : index[index.length - 1] + 1;
        }
    }

    /**
     * @param path the file's path
     * @return a 64-bit hash of it (FNV-1a over its characters, mixed)
     */
    static long fileHash(String path) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < path.length(); i++) {
            h = (h ^ path.charAt(i)) * 0x100000001B3L;
        }
        return mix(h);
    }

    /** The SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Parses one line (null when it is not a row).
     *
     * @param format the format
     * @param path the file
     * @param fileHash its hash
     * @param offset the line's byte offset (0: the file's first line, the only one that may be a CSV header)
     * @param line the line
     * @param placement where rows go
     * @param maxIndex the largest LIBSVM index allowed
     * @return the row, or null
     * @throws dev.asgd.core.InvalidParameterException naming {@code data} for a malformed row
     */
    static Row parse(Format format, String path, long fileHash, long offset, String line, Placement placement,
            int maxIndex) {
        TextPosition where = new TextPosition(path, offset, true);
        double label;
        double[] values;
        int[] index;
        if (format == Format.CSV) {
            double[] r = CsvRow.parse(line, offset == 0, where);
            if (r == null) {
                return null;
            }
            label = r[0];
            values = java.util.Arrays.copyOfRange(r, 1, r.length);
            index = null;
        } else {
            LibsvmRow r = LibsvmRow.parse(line, where, maxIndex);
            if (r == null) {
                return null;
            }
            label = r.label();
            values = r.value();
            index = r.index();
        }
        long h = placement.hash(fileHash, offset);
        int shard = placement.test(h) ? -1 : placement.shard(h);
        return new Row(new Key(shard, fileHash, offset), label, values, index);
    }

    /**
     * @param format the format
     * @param path the split's file
     * @param lines the split's (offset, line) records (Hadoop reuses the objects: each is read at once)
     * @param placement where rows go
     * @param maxIndex the largest LIBSVM index allowed
     * @return the split's rows, parsed lazily
     */
    static Iterator<Row> rows(Format format, String path, Iterator<Tuple2<LongWritable, Text>> lines,
            Placement placement, int maxIndex) {
        long file = fileHash(path);
        return new Iterator<>() {
            private Row next;

            @Override
            public boolean hasNext() {
                while (next == null && lines.hasNext()) {
                    Tuple2<LongWritable, Text> t = lines.next();
                    next = parse(format, path, file, t._1().get(), t._2().toString(), placement, maxIndex);
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row r = next;
                next = null;
                return r;
            }
        };
    }
}
