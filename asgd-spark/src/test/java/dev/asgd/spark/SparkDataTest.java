package dev.asgd.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.data.CsvReader;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.data.DenseDataset;
import dev.asgd.training.data.LibsvmReader;
import dev.asgd.training.data.SparseDataset;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.EngineProvider;
import dev.asgd.training.engine.Evaluator;
import dev.asgd.training.engine.MetricPoint;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.SessionData;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import dev.asgd.training.problem.LeastSquares;
import dev.asgd.training.problem.LogisticRegression;
import dev.asgd.training.problem.Problem;
import dev.asgd.training.problem.SoftmaxRegression;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Data read where it lives: the executors' rows, shards, split and evaluation, on one embedded local[2,4] context. */
class SparkDataTest {
    @RegisterExtension
    static final EmbeddedSpark.PerClass SPARK = new EmbeddedSpark.PerClass();

    @TempDir
    Path dir;

    /** A CSV with a header, comments, blank lines, CRLF endings and awkward numbers; labels 0..2. */
    private Path csv(String name, int rows, long seed, boolean header) throws IOException {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder(header ? "label,a,b,c\n" : "");
        b.append("# a comment\n\n");
        for (int i = 0; i < rows; i++) {
            b.append(r.nextInt(3)).append(',').append(r.nextGaussian()).append(',')
                    .append(i % 7 == 0 ? "1e-300" : i % 11 == 0 ? "-0.0" : Double.toString(r.nextDouble() * 1e6))
                    .append(", ").append((float) r.nextGaussian()).append(i % 5 == 0 ? "\r\n" : "\n");
        }
        Path f = dir.resolve(name);
        Files.writeString(f, b.toString());
        return f;
    }

    private Path libsvm(String name, int rows, long seed) throws IOException {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder("# LIBSVM\n");
        for (int i = 0; i < rows; i++) {
            b.append(r.nextBoolean() ? "+1" : "-1");
            int j = 0;
            while ((j += 1 + r.nextInt(40)) <= 100) {
                b.append(' ').append(j).append(':').append(r.nextGaussian());
            }
            b.append(i % 3 == 0 ? " # note\n" : "\n");
        }
        Path f = dir.resolve(name);
        Files.writeString(f, b.toString());
        return f;
    }

    private static List<ShardRows.Row> rows(Path path, ShardRows.Format format) {
        return SparkDataReader.rows(SPARK.context(), "spec", format, path.toUri().toString(),
                new ShardRows.Placement(1, 0.2, 2)).collect();
    }

    /** The executors parse a CSV (read as 3 input splits) into the rows of CsvReader, bit for bit, in file order. */
    @Test
    void csvRowsAreTheReadersRowsBitForBit() throws IOException {
        Path f = csv("a.csv", 3000, 1, true);
        SPARK.context().hadoopConfiguration().setLong("mapreduce.input.fileinputformat.split.maxsize",
                Files.size(f) / 3 + 1);
        List<ShardRows.Row> rows;
        try {
            rows = rows(f, ShardRows.Format.CSV);
        } finally {
            SPARK.context().hadoopConfiguration().unset("mapreduce.input.fileinputformat.split.maxsize");
        }
        DenseDataset expected = CsvReader.read(f);
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            ShardRows.Row r = rows.get(i);
            assertThat(Double.doubleToRawLongBits(r.label())).isEqualTo(Double.doubleToRawLongBits(expected.label(i)));
            assertThat(r.values()).hasSize(3);
            for (int j = 0; j < 3; j++) {
                assertThat(Double.doubleToRawLongBits(r.values()[j]))
                        .isEqualTo(Double.doubleToRawLongBits(expected.get(i, j)));
            }
        }
    }

    /** The same for LIBSVM: indices and values as LibsvmReader's CSR rows. */
    @Test
    void libsvmRowsAreTheReadersRowsBitForBit() throws IOException {
        Path f = libsvm("a.svm", 500, 2);
        List<ShardRows.Row> rows = rows(f, ShardRows.Format.LIBSVM);
        SparseDataset expected = LibsvmReader.read(f);
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            ShardRows.Row r = rows.get(i);
            assertThat(r.label()).isEqualTo(expected.label(i));
            int from = expected.rowStart(i);
            assertThat(r.index()).hasSize(expected.rowEnd(i) - from);
            for (int k = 0; k < r.index().length; k++) {
                assertThat(r.index()[k]).isEqualTo(expected.indexAt(from + k));
                assertThat(Double.doubleToRawLongBits(r.values()[k]))
                        .isEqualTo(Double.doubleToRawLongBits(expected.valueAt(from + k)));
            }
        }
    }

    /** Every row as text: label and features, to compare multisets of rows bit for bit. */
    private static List<String> texts(Dataset d) {
        List<String> out = new ArrayList<>();
        double[] x = new double[d.features()];
        for (int i = 0; i < d.size(); i++) {
            Arrays.fill(x, 0);
            d.addScaled(i, 1, x, 0);
            out.add(d.label(i) + ":" + Arrays.toString(x));
        }
        return out;
    }

    private static List<String> texts(List<Shard> shards) {
        List<String> out = new ArrayList<>();
        for (Shard s : shards) {
            out.addAll(texts(s.dataset()));
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static PartitionedData read(Path path, ShardRows.Format format, double testFraction, long seed, int m) {
        return SparkDataReader.read(SPARK.context(), "csv:" + path, format, path.toUri().toString(),
                new ShardRows.Placement(seed, testFraction, m));
    }

    /**
     * A directory of part files (each with its header, plus Hadoop's _SUCCESS marker) is read as one data
     * set: the M shards and the held-out blocks hold exactly the parts' rows, each once.
     */
    @Test
    void aDirectoryOfPartFilesIsOneDataSet() throws IOException {
        Path parts = Files.createDirectory(dir.resolve("parts"));
        List<String> expected = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            Path f = csv("p" + p + ".csv", 400 + 50 * p, 10 + p, true);
            expected.addAll(texts(CsvReader.read(f)));
            Files.move(f, parts.resolve("part-0000" + p));
        }
        Files.writeString(parts.resolve("_SUCCESS"), "");
        expected.sort(Comparator.naturalOrder());
        try (PartitionedData d = read(parts, ShardRows.Format.CSV, 0.25, 3, 3)) {
            List<Shard> all = new ArrayList<>(d.shards().collect());
            assertThat(all).hasSize(3);
            assertThat(d.trainRows()).isEqualTo(all.stream().mapToLong(Shard::size).sum());
            List<Shard> test = d.test().collect();
            assertThat(d.testRows()).isEqualTo(test.stream().mapToLong(Shard::size).sum());
            all.addAll(test);
            assertThat(texts(all)).isEqualTo(expected);
            assertThat(d.features()).isEqualTo(3);
            assertThat(d.trainClasses()).isEqualTo(3);
            assertThat(d.testClasses()).isEqualTo(3);
            assertThat(d.inMemory()).isNull();
        }
    }

    /**
     * The split and the shards are functions of the seed: the same seed gives the same shards (row for row,
     * in order), another seed another split. The held-out share is near the fraction: 1350 rows at 0.2 hold
     * out 270 +- 14.7 (binomial sd) if the hash behaves like a fair coin; the bound is 6 sd (the hash is
     * deterministic: this either always passes or always fails for seed 5).
     */
    @Test
    void theSplitAndTheShardsAreDeterministicFromTheSeed() throws IOException {
        Path f = csv("s.csv", 1350, 4, false);
        List<List<String>> first;
        long held;
        try (PartitionedData a = read(f, ShardRows.Format.CSV, 0.2, 5, 2)) {
            first = a.shards().collect().stream().map(s -> texts(s.dataset())).toList();
            held = a.testRows();
        }
        try (PartitionedData b = read(f, ShardRows.Format.CSV, 0.2, 5, 2)) {
            assertThat(b.shards().collect().stream().map(s -> texts(s.dataset())).toList()).isEqualTo(first);
        }
        try (PartitionedData c = read(f, ShardRows.Format.CSV, 0.2, 6, 2)) {
            assertThat(c.shards().collect().stream().map(s -> texts(s.dataset())).toList()).isNotEqualTo(first);
        }
        assertThat(held).isBetween(270L - 88, 270L + 88);
        assertThat(first.get(0).size() + first.get(1).size() + held).isEqualTo(1350);
    }

    /**
     * The evaluation job equals the in-memory evaluation of the same rows (the first rows of each shard for
     * the training loss, every held-out row) to 1e-12 relative, for least squares, logistic regression and
     * softmax with an L2 penalty, dense and sparse.
     */
    @Test
    void theEvaluationJobEqualsTheInMemoryEvaluation() throws IOException {
        Path f = csv("e.csv", 2000, 7, true);
        Path svm = libsvm("e.svm", 800, 8);
        Random r = new Random(9);
        try (PartitionedData dense = read(f, ShardRows.Format.CSV, 0.3, 11, 3);
                PartitionedData sparse = read(svm, ShardRows.Format.LIBSVM, 0.3, 11, 2)) {
            Problem[] problems = {new LeastSquares(3, 0.01), new LogisticRegression(3, 0), new SoftmaxRegression(3, 3, 0.1)};
            for (Problem p : problems) {
                check(dense, p, 40, r);
                check(dense, p, 100_000, r);
            }
            check(sparse, new LogisticRegression(sparse.features(), 0.05), 300, r);
        }
    }

    private static void check(PartitionedData d, Problem p, int maxRows, Random r) {
        SparkEvaluation spark = (SparkEvaluation) d.evaluation(p, maxRows);
        int k = spark.rowsPerShard();
        List<Shard> shards = d.shards().collect();
        List<Dataset> train = new ArrayList<>();
        for (Shard s : shards) {
            Dataset ds = s.dataset();
            train.add(ds.select(java.util.stream.IntStream.range(0, Math.min(k, ds.size())).toArray()));
        }
        List<Dataset> test = new ArrayList<>();
        for (Shard s : d.test().collect()) {
            test.add(s.dataset());
        }
        TrainTest local = new TrainTest(concat(train), concat(test), null);
        double[] w = new double[p.dimension()];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextGaussian();
        }
        MetricPoint expected = new Evaluator(p, local, Integer.MAX_VALUE).evaluate(w, 0, 0, 0);
        double[] got = spark.evaluate(w);
        assertThat(got[0]).as(p.name() + " train loss").isCloseTo(expected.trainLoss(),
                org.assertj.core.data.Offset.offset(1e-12 * Math.abs(expected.trainLoss())));
        assertThat(got[1]).as(p.name() + " test loss").isCloseTo(expected.testLoss(),
                org.assertj.core.data.Offset.offset(1e-12 * Math.abs(expected.testLoss())));
        if (Double.isNaN(expected.testAccuracy())) {
            assertThat(got[2]).isNaN();
        } else {
            assertThat(got[2]).isCloseTo(expected.testAccuracy(), org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(spark.trainLoss(w)).isCloseTo(got[0], org.assertj.core.data.Offset.offset(1e-15 * Math.abs(got[0])));
    }

    /** The rows of several datasets, in order, as one (a test's in-memory copy of the partitions). */
    private static Dataset concat(List<Dataset> parts) {
        int n = parts.stream().mapToInt(Dataset::size).sum();
        int d = parts.get(0).features();
        if (parts.get(0).dense()) {
            double[] x = new double[n * d];
            double[] y = new double[n];
            int i = 0;
            for (Dataset p : parts) {
                for (int k = 0; k < p.size(); k++, i++) {
                    p.addScaled(k, 1, x, i * d);
                    y[i] = p.label(k);
                }
            }
            return new DenseDataset(x, y, d);
        }
        List<int[]> idx = new ArrayList<>();
        List<double[]> val = new ArrayList<>();
        double[] y = new double[n];
        int[] start = new int[n + 1];
        int i = 0;
        int nnz = 0;
        for (Dataset p : parts) {
            SparseDataset s = (SparseDataset) p;
            for (int k = 0; k < s.size(); k++, i++) {
                int len = s.rowEnd(k) - s.rowStart(k);
                int[] ix = new int[len];
                double[] v = new double[len];
                for (int e = 0; e < len; e++) {
                    ix[e] = s.indexAt(s.rowStart(k) + e);
                    v[e] = s.valueAt(s.rowStart(k) + e);
                }
                idx.add(ix);
                val.add(v);
                y[i] = s.label(k);
                nnz += len;
                start[i + 1] = nnz;
            }
        }
        int[] ix = new int[nnz];
        double[] v = new double[nnz];
        for (int r = 0; r < n; r++) {
            System.arraycopy(idx.get(r), 0, ix, start[r], idx.get(r).length);
            System.arraycopy(val.get(r), 0, v, start[r], val.get(r).length);
        }
        return new SparseDataset(start, ix, v, y, d);
    }

    /** A missing path, an unknown scheme, a malformed row, a row with another number of fields: one line naming data. */
    @Test
    void badPathsAndRowsAreOneLineErrorsNamingData() throws IOException {
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> read(missing, ShardRows.Format.CSV, 0.2, 1, 2))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("data = csv:")
                .hasMessageContaining("does not exist").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> SparkDataReader.read(SPARK.context(), "csv:nofs://x/y", ShardRows.Format.CSV,
                "nofs://x/y", new ShardRows.Placement(1, 0.2, 2))).isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("data = csv:nofs://x/y: allowed a path Spark can read")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "1,2,3\n4,5,x\n");
        assertThatThrownBy(() -> read(bad, ShardRows.Format.CSV, 0.2, 1, 1))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("data = " + bad.toUri().toString().replace("file:///", "file:/") + "@byte 6: allowed a"
                        + " number as feature 2, got 'x'");
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "1,2,3\n4,5\n");
        assertThatThrownBy(() -> read(ragged, ShardRows.Format.CSV, 0.2, 1, 1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("@byte 6: allowed 3 fields");
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "# nothing\n");
        assertThatThrownBy(() -> read(empty, ShardRows.Format.CSV, 0.2, 1, 1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("at least one data row");
        Path few = csv("few.csv", 3, 1, false);
        assertThatThrownBy(() -> read(few, ShardRows.Format.CSV, 0, 1, 8))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("workers = 8");
    }

    /**
     * The driver holds no row: what the reading leaves on the driver (the summary, the partitioned data's
     * fields) is the same few hundred bytes for 200 and for 20000 rows, and inMemory() is null.
     */
    @Test
    void theDriverHoldsNoRow() throws IOException {
        Path small = csv("small.csv", 200, 1, false);
        Path large = csv("large.csv", 20_000, 1, false);
        try (PartitionedData a = read(small, ShardRows.Format.CSV, 0.2, 1, 2);
                PartitionedData b = read(large, ShardRows.Format.CSV, 0.2, 1, 2)) {
            assertThat(b.trainRows() + b.testRows()).isEqualTo(20_000);
            int sa = serializedSize(a.summary());
            int sb = serializedSize(b.summary());
            assertThat(sa).isLessThan(2000);
            assertThat(sb).isEqualTo(sa);
            assertThat(b.inMemory()).isNull();
            for (java.lang.reflect.Field field : PartitionedData.class.getDeclaredFields()) {
                assertThat(field.getType()).as(field.getName())
                        .isNotIn(double[].class, int[].class, Dataset.class, TrainTest.class, Shard.class);
            }
        }
    }

    private static int serializedSize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.size();
    }

    /**
     * The engine trains on the executors' shards, opened through the provider as the command line does: least
     * squares y = 2 x1 - x2 + 0.1 noise, async M = 1 (the shared context's other slot runs the evaluation jobs), 300 updates at eta 0.05 with 30 % of first task attempts
     * failing; every update is applied once and the training and test losses fall below 5 % of their initial
     * values (they reach about 0.01 / 2.5 = 0.4 %, seed 3; the schedule varies with timing).
     */
    @Test
    void theEngineTrainsOnTheExecutorsShardsExactlyOnce() throws Exception {
        Path f = dir.resolve("ls.csv");
        Random r = new Random(3);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            double x1 = r.nextGaussian();
            double x2 = r.nextGaussian();
            b.append(2 * x1 - x2 + 0.1 * r.nextGaussian()).append(',').append(x1).append(',').append(x2).append('\n');
        }
        Files.writeString(f, b.toString());
        SessionData data = new SparkDataProvider().open("csv:" + f.toUri(), 0.2, 3, 1,
                new EngineProvider.Options(null, 0.3, 60, null));
        try (data) {
            TrainingConfig c = EmbeddedSpark.config("csv:" + f.toUri(), "least-squares", "async", 1, 0.05, 300, 3, 0);
            SparkEngine engine = new SparkEngine(EmbeddedSpark.options(0.3, null));
            RunResult run = engine.run(TrainingSession.start(c, new LeastSquares(2, 0), data,
                    TrainingSession.Options.none()));
            assertThat(run.updates()).isEqualTo(300);
            assertThat(run.workerSteps()[0]).isEqualTo(300);
            assertThat(engine.lastRun().failedTaskAttempts()).isPositive();
            assertThat(run.last().trainLoss()).isLessThan(0.05 * run.series().get(0).trainLoss());
            assertThat(run.last().testLoss()).isLessThan(0.05 * run.series().get(0).testLoss());
        }
    }

    /**
     * Workers that would hold every task slot are refused on data read where it lives (the evaluation jobs
     * need a free slot; without one the run would wait forever): M = 2 on the shared local[2,4] context.
     */
    @Test
    void workersHoldingEverySlotAreRefusedOnDataWhereItLives() throws Exception {
        Path f = dir.resolve("ls2.csv");
        // 64 rows: rows go to shards by a hash of their file's path and offset, and with 8 rows one of the two
        // shards was empty in about 1 run of 100 (the temporary directory's name differs each run)
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 64; i++) {
            rows.append(i).append(',').append(i).append('\n');
        }
        Files.writeString(f, rows.toString());
        SessionData data = new SparkDataProvider().open("csv:" + f.toUri(), 0.25, 3, 2,
                new EngineProvider.Options(null, 0, 60, null));
        try (data) {
            TrainingConfig c = EmbeddedSpark.config("csv:" + f.toUri(), "least-squares", "async", 2, 0.05, 10, 3, 0);
            SparkEngine engine = new SparkEngine(EmbeddedSpark.options(0, null));
            TrainingSession session = TrainingSession.start(c, new LeastSquares(1, 0), data, TrainingSession.Options.none());
            assertThatThrownBy(() -> engine.run(session))
                    .isInstanceOf(dev.asgd.core.InvalidParameterException.class)
                    .hasMessageContaining("workers").hasMessageContaining("evaluation jobs need a free one");
        }
    }
}
