package dev.asgd.spark;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.data.LibsvmReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Reads {@code csv:PATH} / {@code libsvm:PATH} where it lives: PATH is anything Hadoop's file
 * systems read ({@code file:}, {@code hdfs:}, {@code s3a:} with hadoop-aws on the class path, a
 * directory of part files, a glob), split into Hadoop input splits read by the executors. Two
 * passes over the text: the metadata pass ({@link ShardRowsSummary}: counts, d, classes, the first
 * malformed row, a few hundred bytes per split to the driver), then the build: the training rows
 * shuffled to their shard ({@link ShardRows.Placement}, sorted by (file, offset) within it) and
 * each shard built in arrays of its exact size, the held-out rows coalesced (no shuffle) into M blocks, so
 * that an evaluation is 2M tasks.
 * Both are cached ({@code MEMORY_AND_DISK}: a shard too large for the executor's storage memory is
 * spilled, not recomputed from the files per job).
 */
final class SparkDataReader {
    private SparkDataReader() {
    }

    /**
     * @param jsc the context
     * @param spec the {@code --data} spec (for errors)
     * @param format the format
     * @param path the path, as Hadoop reads it
     * @param placement the split and the shards
     * @return the data, its partitions cached
     * @throws InvalidParameterException naming {@code data} for a path that cannot be read or a
     *     malformed row, naming {@code workers} when a shard gets no training row
     */
    static PartitionedData read(JavaSparkContext jsc, String spec, ShardRows.Format format, String path,
            ShardRows.Placement placement) {
        int m = placement.shards();
        int maxIndex = LibsvmReader.maxIndex();
        JavaNewHadoopRDD<LongWritable, Text> lines = lines(jsc, spec, path);
        List<ShardRowsSummary> parts = readable(spec, () -> lines.mapPartitionsWithInputSplit((split, it) -> {
            String file = file(split);
            return List.of(ShardRowsSummary.of(format, file, ShardRows.rows(format, file, it, placement, maxIndex), m))
                    .iterator();
        }, true).collect());
        ShardRowsSummary all = new ShardRowsSummary(m);
        for (ShardRowsSummary s : parts) {
            all.merge(s, format);
        }
        all.requireValid(spec);
        for (int p = 0; p < m; p++) {
            if (all.shardRows(p) == 0) {
                throw new InvalidParameterException("workers", m, "at most as many workers as the training rows can"
                        + " fill (" + all.trainRows() + " training rows of " + spec + " hashed to " + m
                        + " shards left shard " + p + " empty)");
            }
        }
        int d = all.features();
        boolean dense = format == ShardRows.Format.CSV;
        long[] rows = new long[m];
        long[] stored = new long[m];
        for (int p = 0; p < m; p++) {
            rows[p] = all.shardRows(p);
            stored[p] = all.shardStored(p);
        }
        long testRows = all.testRows() / m + 1;
        long testStored = all.testStored() / m + 1;
        JavaRDD<ShardRows.Row> parsed = rows(lines, format, placement);
        JavaRDD<Shard> shards = parsed.filter(r -> !r.test()).mapToPair(r -> new Tuple2<>(r.key(), r))
                .repartitionAndSortWithinPartitions(new ShardRowsPartitioner(m))
                .mapPartitionsWithIndex((p, it) -> List.of(new ShardRowsBuilder(d, dense, rows[p], stored[p])
                        .addAll(values(it)).build()).iterator(), false)
                .persist(StorageLevel.MEMORY_AND_DISK());
        shards.setName("asgd shards of " + path);
        JavaRDD<Shard> test = parsed.filter(ShardRows.Row::test).coalesce(m)
                .mapPartitions(it -> List.of(new ShardRowsBuilder(d, dense, testRows, testStored).addAll(it).build())
                        .iterator())
                .persist(StorageLevel.MEMORY_AND_DISK());
        test.setName("asgd held-out rows of " + path);
        try {
            readable(spec, shards::count);
            readable(spec, test::count);
        } catch (RuntimeException e) {
            shards.unpersist(false);
            test.unpersist(false);
            throw e;
        }
        return new PartitionedData(spec, shards, test, all);
    }

    /**
     * @param jsc the context
     * @param spec the {@code --data} spec (for errors)
     * @param format the format
     * @param path the path, as Hadoop reads it
     * @param placement the split and the shards
     * @return every row of the path, parsed by the executors, in file order within each split
     */
    static JavaRDD<ShardRows.Row> rows(JavaSparkContext jsc, String spec, ShardRows.Format format, String path,
            ShardRows.Placement placement) {
        return rows(lines(jsc, spec, path), format, placement);
    }

    private static JavaRDD<ShardRows.Row> rows(JavaNewHadoopRDD<LongWritable, Text> lines, ShardRows.Format format,
            ShardRows.Placement placement) {
        int maxIndex = LibsvmReader.maxIndex();
        return lines.mapPartitionsWithInputSplit(
                (split, it) -> ShardRows.rows(format, file(split), it, placement, maxIndex), true);
    }

    private static JavaNewHadoopRDD<LongWritable, Text> lines(JavaSparkContext jsc, String spec, String path) {
        return readable(spec, () -> (JavaNewHadoopRDD<LongWritable, Text>) jsc.newAPIHadoopFile(path,
                TextInputFormat.class, LongWritable.class, Text.class, jsc.hadoopConfiguration()));
    }

    private static String file(InputSplit split) {
        return split instanceof FileSplit f ? f.getPath().toString() : String.valueOf(split);
    }

    private static java.util.Iterator<ShardRows.Row> values(java.util.Iterator<Tuple2<ShardRows.Key, ShardRows.Row>> it) {
        return new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public ShardRows.Row next() {
                return it.next()._2();
            }
        };
    }

    /**
     * Runs a step of the reading; a failure to read the path (missing, no file system for its scheme,
     * unreadable, a task that failed on it) becomes one line naming {@code data}.
     */
    private static <T> T readable(String spec, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidParameterException e) {
            throw e;
        } catch (Exception e) { // Hadoop's IOException and Spark's SparkException come through Scala undeclared
            throw new InvalidParameterException("data", spec, "a path Spark can read, in that format ("
                    + reason(e) + ")");
        }
    }

    /** @return the first line of the innermost message that says something */
    static String reason(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = e; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            String msg = chain.get(i).getMessage();
            if (msg != null && !msg.isBlank()) {
                String line = msg.strip().lines().findFirst().orElse("");
                return chain.get(i).getClass().getSimpleName() + ": " + line;
            }
        }
        return e.getClass().getSimpleName();
    }
}
