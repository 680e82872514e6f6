package dev.asgd.cli;

import static dev.asgd.cli.JsonRequire.req;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15, the input part: every bad input is one line on stderr naming the flag, with exit code
 * 2 (3 for a numerical divergence), never a stack trace, an OutOfMemoryError or a
 * NegativeArraySizeException. Sizes are chosen so that they are refused whatever the test JVM's
 * heap (the limits derive from it), so nothing large is allocated.
 */
class HardeningTest {
    private static Path dir;

    @BeforeAll
    static void files() throws IOException {
        dir = Files.createTempDirectory("asgd-hardening");
        Files.write(dir.resolve("latin1.csv"), new byte[] {'y', ',', 'x', '\n', '1', ',', '2', '\n', (byte) 0xff,
            (byte) 0xfe, ',', '3', '\n'});
        Files.write(dir.resolve("latin1.svm"), new byte[] {'1', ' ', '1', ':', '2', '\n', (byte) 0xff, ' ', '2', ':',
            '3', '\n'});
        Files.writeString(dir.resolve("bigindex.svm"), "1 2147483647:1\n0 1:1\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("lags.txt"), "staleness\n10000000\n0\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("big-label.csv"), "0,1\n1000000000,2\n2,3\n0,1\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("a-file"), "not a directory\n", StandardCharsets.UTF_8);
        Path notGzip = Files.createDirectories(dir.resolve("fm-notgzip"));
        for (String f : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
            "t10k-labels-idx1-ubyte"}) {
            Files.writeString(notGzip.resolve(f + ".gz"), "this is not gzip", StandardCharsets.UTF_8);
        }
        Path label200 = Files.createDirectories(dir.resolve("fm-label200"));
        Files.write(label200.resolve("train-images-idx3-ubyte"), idx(new int[] {3, 2, 2}, new byte[12]));
        Files.write(label200.resolve("train-labels-idx1-ubyte"), idx(new int[] {3}, new byte[] {1, (byte) 200, 3}));
        Files.write(label200.resolve("t10k-images-idx3-ubyte"), idx(new int[] {2, 2, 2}, new byte[8]));
        Files.write(label200.resolve("t10k-labels-idx1-ubyte"), idx(new int[] {2}, new byte[] {0, 1}));
    }

    private static byte[] idx(int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(0x0800 | dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return b.toByteArray();
    }

    private static String f(String name) {
        return dir.resolve(name).toString();
    }

    private static Arguments refused(int code, String flag, String... args) {
        return Arguments.of(String.join(" ", args), code, flag, args);
    }

    static Stream<Arguments> cases() {
        String sweep101 = String.join(",", java.util.Collections.nCopies(101, "0.01"));
        String sweep20000 = String.join(",", java.util.Collections.nCopies(20000, "0.01"));
        List<Arguments> c = new ArrayList<>(Arrays.asList(
            // 1. sizes refused before allocating
            refused(2, "--staleness", "moments", "--eta", "0.01", "--omega0", "1", "--staleness", "uniform:100000", "--steps", "100"),
            refused(2, "--staleness", "moments", "--eta", "0.01", "--omega0", "1", "--staleness", "fixed:1000000", "--steps", "100"),
            refused(2, "--staleness", "moments", "--eta", "0.01", "--omega0", "1", "--staleness", "poisson:1000000", "--steps", "100"),
            refused(2, "--staleness", "moments", "--eta", "0.01", "--omega0", "1", "--staleness", "empirical:" + f("lags.txt"), "--steps", "100"),
            refused(2, "--steps", "moments", "--eta", "0.01", "--omega0", "1", "--steps", "1000000000000"),
            refused(2, "--staleness", "simulate", "--eta", "0.01", "--omega0", "1", "--staleness", "fixed:2000000000",
                    "--steps", "2000000000", "--every", "1000000000", "--runs", "1"),
            refused(2, "--steps", "simulate", "--eta", "0.01", "--omega0", "1", "--steps", "1000000000000", "--runs", "1"),
            refused(2, "--runs", "simulate", "--eta", "0.01", "--omega0", "1", "--runs", "2000000000", "--steps", "1000000"),
            refused(2, "--threads", "simulate", "--eta", "0.01", "--omega0", "1", "--threads", "100000"),
            refused(2, "--data", "simulate", "--eta", "0.01", "--data", "synthetic:least-squares,n=100000000,d=1000"),
            refused(2, "--runs", "sme", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1", "--runs", "2000000000", "--steps", "1000000"),
            refused(2, "--steps", "sme", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1", "--runs", "1", "--steps", "1000000000000"),
            refused(2, "--sweep-eta", "compare", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1", "--sweep-eta", sweep101),
            refused(2, "--sweep-eta", "compare", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1", "--sweep-eta", sweep20000),
            refused(2, "--runs", "compare", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1", "--runs", "2000000000", "--steps", "1000000"),
            refused(2, "--points", "fokker-planck", "--eta", "0.5", "--kappa", "0.5", "--omega0", "1", "--sigma", "3", "--points", "2000000000"),
            refused(2, "--data", "train", "--data", "synthetic:least-squares,n=1000000000,d=1000"),
            refused(2, "--data", "train", "--data", "synthetic:least-squares,n=100000000,d=1000"),
            refused(2, "--data", "train", "--data", "libsvm:" + f("bigindex.svm")),
            refused(2, "--workers", "train", "--data", "synthetic:least-squares", "--workers", "100000"),
            refused(2, "--data", "train", "--data", "synthetic:softmax,classes=100000"),
            refused(2, "--batch", "train", "--data", "synthetic:least-squares,n=100", "--batch", "100000000"),
            refused(2, "--eval-every", "train", "--data", "synthetic:least-squares,n=100", "--updates", "1000000000000",
                    "--eval-every", "1"),
            refused(2, "--threads", "reproduce", "--quick", "--threads", "100000", "--out", f("never")),
            // 2. I/O and encoding errors on user-named paths
            refused(2, "--data", "train", "--data", "csv:" + f("latin1.csv")),
            refused(2, "--data", "train", "--data", "libsvm:" + f("latin1.svm")),
            refused(2, "--data", "train", "--data", "csv:" + f("missing.csv")),
            refused(2, "--data", "train", "--data", "fashion-mnist:dir=" + f("fm-notgzip")),
            refused(2, "--data", "simulate", "--eta", "0.01", "--data", "csv:" + f("latin1.csv")),
            refused(2, "--plot", "train", "--data", "synthetic:least-squares,n=100", "--updates", "10", "--plot", f("a-file")),
            refused(2, "--plot", "fokker-planck", "--eta", "0.5", "--kappa", "0.5", "--omega0", "1", "--sigma", "3", "--plot", f("a-file")),
            refused(2, "--plot", "fokker-planck", "--eta", "0.5", "--kappa", "0.5", "--omega0", "1", "--sigma", "3", "--plot", f("a-file/sub")),
            refused(2, "--out", "reproduce", "--quick", "--out", f("a-file")),
            refused(2, "--record-schedule", "train", "--data", "synthetic:least-squares,n=100", "--updates", "10",
                    "--record-schedule", f("no-such-dir/s.txt")),
            refused(2, "--record-schedule", "train", "--data", "synthetic:least-squares,n=100", "--updates", "10",
                    "--record-schedule", dir.toString()),
            refused(2, "--staleness", "moments", "--eta", "0.01", "--omega0", "1", "--staleness", "empirical:" + f("missing.txt")),
            // 3. NaN refused for every numeric flag; silent acceptance and misleading messages
            refused(2, "--time", "fokker-planck", "--eta", "0.5", "--kappa", "0.5", "--omega0", "1", "--sigma", "3", "--time", "NaN"),
            refused(2, "--time-step", "fokker-planck", "--eta", "0.5", "--kappa", "0.5", "--omega0", "1", "--sigma", "3", "--time-step", "NaN"),
            refused(2, "--variance-ratio", "fokker-planck", "--eta", "0.5", "--kappa", "0.5", "--omega0", "1", "--variance-ratio", "NaN"),
            refused(2, "--eta", "rate", "--eta", "NaN", "--kappa", "0.5", "--omega0", "1"),
            refused(2, "--kappa", "rate", "--eta", "0.1", "--kappa", "NaN", "--omega0", "1"),
            refused(2, "--epsilon0", "rate", "--eta", "0.1", "--kappa", "0.5", "--omega0", "1", "--epsilon0", "NaN"),
            refused(2, "--omega0", "moments", "--eta", "0.01", "--omega0", "1,NaN"),
            refused(2, "--sigma", "moments", "--eta", "0.01", "--omega0", "1", "--sigma", "nan"),
            refused(2, "--theta0", "simulate", "--eta", "0.01", "--omega0", "1", "--theta0", "NaN"),
            refused(2, "--divergence-bound", "simulate", "--eta", "0.01", "--omega0", "1", "--divergence-bound", "NaN"),
            refused(2, "--quantiles", "simulate", "--eta", "0.01", "--omega0", "1", "--quantiles", "0.5,NaN"),
            refused(2, "--confidence", "simulate", "--eta", "0.01", "--omega0", "1", "--confidence", "NaN"),
            refused(2, "--dt", "sme", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1", "--dt", "NaN"),
            refused(2, "--tolerance", "compare", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1", "--tolerance", "NaN"),
            refused(2, "--eta", "train", "--data", "synthetic:least-squares", "--eta", "NaN"),
            refused(2, "--l2", "train", "--data", "synthetic:least-squares", "--l2", "NaN"),
            refused(2, "--test-fraction", "train", "--data", "synthetic:least-squares", "--test-fraction", "NaN"),
            refused(2, "--what-if-eta", "train", "--data", "synthetic:least-squares", "--what-if-eta", "0.1,NaN"),
            refused(2, "--divergence-factor", "train", "--data", "synthetic:least-squares", "--divergence-factor", "NaN"),
            refused(2, "--checkpoint-every", "train", "--data", "synthetic:least-squares,n=100", "--updates", "10",
                    "--checkpoint", f("ckpt"), "--checkpoint-every", "0"),
            refused(2, "--data", "train", "--data", "fashion-mnist:dir=" + f("fm-label200")),
            refused(2, "--time", "fokker-planck", "--eta", "0.5", "--kappa", "0.5", "--omega0", "1", "--sigma", "3", "--time", "1e300"),
            refused(2, "--every", "simulate", "--eta", "0.01", "--omega0", "1", "--steps", "10", "--every", "100"),
            refused(2, "--every", "compare", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1", "--steps", "10", "--every", "100"),
            refused(2, "--eta", "rate", "--eta", "1e-320", "--kappa", "0.5", "--omega0", "1"),
            refused(3, "diverged", "moments", "--eta", "50", "--kappa", "0.9", "--omega0", "1", "--steps", "100000"),
            refused(3, "diverged", "moments", "--eta", "0.01", "--omega0", "1", "--theta0", "1e300"),
            refused(3, "diverged", "compare", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1", "--theta0", "1e300",
                    "--runs", "10"),
            refused(3, "diverged", "simulate", "--eta", "0.01", "--omega0", "1e200", "--runs", "10"),
            refused(2, "--data", "train", "--data", "synthetic:least-squares,noise=NaN"),
            refused(2, "--data", "train", "--data", "csv:" + f("big-label.csv"), "--updates", "10"),
            refused(3, "diverged", "fokker-planck", "--eta", "0.5", "--kappa", "0.5", "--omega0", "1", "--sigma", "3",
                    "--perturbation", "bump:1e308", "--no-study")));
        return c.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    @Timeout(20)
    void refusedInOneLine(String line, int code, String flag, String[] args) {
        String[] quiet = Arrays.copyOf(args, args.length + 1);
        quiet[args.length] = "-q";
        long start = System.nanoTime();
        CliRun r = CliRun.of(quiet);
        double seconds = (System.nanoTime() - start) * 1e-9;
        assertThat(r.exitCode()).as(r.err()).isEqualTo(code);
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).contains(flag).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("(set ASGD_DEBUG");
        if (code == ExitCode.INVALID_INPUT && flag.startsWith("--")) {
            assertThat(r.err()).as("names the flag as the invalid one").containsPattern(
                    "(invalid " + java.util.regex.Pattern.quote(flag) + " = |option '" + java.util.regex.Pattern.quote(flag)
                            + "')");
        }
        assertThat(seconds).as("seconds").isLessThan(5);
    }

    /**
     * --theory full on a softmax model whose top-eigendirection model (about 120 vectors of the
     * parameters) exceeds half the heap is refused before the run, not after it with an
     * out-of-memory error. The width is chosen from this JVM's heap (d = maxDoubles / 500 features,
     * up to 10 classes; the data, 20 rows, is 8 % of the limit).
     */
    @Test
    @Timeout(60)
    void aTheoryThatDoesNotFitTheHeapIsRefusedBeforeTheRun() {
        // K (d + 1) parameters, K the classes among the 16 training rows' labels (5 or more but with
        // probability 1.5e-5); the model needs about 120 K (d + 1) doubles, more than 1.2 x the limit for K >= 5
        long d = dev.asgd.core.Limits.maxDoubles() / 500;
        CliRun r = CliRun.of("train", "--data", "synthetic:softmax,n=20,d=" + d + ",classes=10", "--problem", "softmax",
                "--updates", "1", "--workers", "1", "--batch", "1", "--theory", "full", "-q");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).contains("invalid --theory = full").contains("top Hessian eigendirections")
                .contains("--theory none").contains("heap").doesNotContain("Exception");
    }

    /**
     * tune on a model whose runs' parameter copies, (M + 4) x 4 x parameters, exceed half the heap is
     * refused before the probe, as train is: 10 classes x (d + 1) parameters with d = maxDoubles / 150
     * (20 x 10 (d + 1) = 1.3x the limit with one worker); the data, 10 rows, is 13 % of the limit.
     */
    @Test
    @Timeout(60)
    void tuneRefusesAModelWhoseCopiesDoNotFitTheHeap() {
        long d = dev.asgd.core.Limits.maxDoubles() / 150;
        CliRun r = CliRun.of("tune", "--data", "synthetic:softmax,n=10,d=" + d + ",classes=10", "--problem", "softmax",
                "--target-loss", "0.1", "--max-workers", "1", "-q");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).contains("invalid --max-workers = 1").contains("parameter copies").contains("heap")
                .doesNotContain("Exception");
    }

    @Test
    void sizeRefusalsSayTheLimitDerivesFromTheHeap() {
        CliRun r = CliRun.of("moments", "--eta", "0.01", "--omega0", "1", "--staleness", "uniform:100000", "-q");
        assertThat(r.err()).contains("heap").contains("-Xmx").contains("doubles");
    }

    @Test
    void largeLagsRunTheSeriesAndSayWhyTheStationaryMomentIsNotComputed() {
        CliRun r = CliRun.of("moments", "--eta", "0.01", "--omega0", "1", "--staleness", "fixed:200", "--steps", "50",
                "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("stationary E|theta - theta*|^2 = n/a").contains("note: stationary second moment")
                .doesNotContain("NaN");
        CliRun j = CliRun.of("moments", "--eta", "0.01", "--omega0", "1", "--staleness", "fixed:300", "--steps", "20",
                "--format", "json", "-q");
        assertThat(j.exitCode()).as(j.err()).isZero();
        assertThat(req(j.json(), "notes").toString()).contains("not computed");
    }

    @Test
    void simulateWithTheLargestPoissonLawSkipsTheExactMoments() {
        CliRun r = CliRun.of("simulate", "--eta", "0.01", "--omega0", "1", "--staleness", "poisson:1000000", "--steps",
                "100", "--runs", "10", "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void rateWithATinyEtaDoesNotClaimARatio() {
        CliRun r = CliRun.of("rate", "--eta", "1e-300", "--kappa", "0.5", "--omega0", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("printed / sharp = n/a: the printed rate is twice");
    }
}
