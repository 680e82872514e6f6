package dev.asgd.training.data;

import dev.asgd.core.InvalidParameterException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Parses a {@code --data} spec and loads the data:
 * <pre>
 *   synthetic:KIND[,n=N][,d=D][,classes=K][,noise=S][,seed=SEED]   KIND = least-squares | logistic | softmax
 *   synthetic:SPARSE[,n=N][,d=D][,density=P][,noise=S][,seed=SEED] SPARSE = sparse-least-squares | sparse-logistic
 *   libsvm:PATH        csv:PATH
 *   fashion-mnist[:n=N][,dir=DIR]
 * </pre>
 * Synthetic and file data are split into train and test sets at random with the given fraction;
 * Fashion-MNIST keeps its own test set.
 */
public final class DataSources {
    /** Stream index of the data generation and the split (worker streams use 0..M-1). */
    public static final long DATA_STREAM = -1;
    /** Most classes of synthetic softmax data. */
    public static final int MAX_CLASSES = 10_000;

    private static final String ALLOWED = "synthetic:KIND[,n=N,d=D,classes=K,noise=S,seed=SEED] (KIND least-squares,"
            + " logistic, softmax), synthetic:SPARSE[,n=N,d=D,density=P,noise=S,seed=SEED] (SPARSE sparse-least-squares,"
            + " sparse-logistic), libsvm:PATH, csv:PATH or fashion-mnist[:n=N,dir=DIR]";
    /** Default share of non-zeros per row of the sparse synthetic kinds. */
    public static final double DEFAULT_DENSITY = 0.01;

    private DataSources() {
    }

    /**
     * @param spec the spec
     * @param testFraction share of rows held out for synthetic and file data, in [0, 1)
     * @param seed the run's seed (used for generation and the split unless the spec sets its own)
     * @return the loaded data
     */
    public static TrainTest load(String spec, double testFraction, long seed) {
        String s = spec.strip();
        if (s.startsWith("synthetic:")) {
            return synthetic(s.substring("synthetic:".length()), spec, testFraction, seed);
        }
        if (s.startsWith("libsvm:")) {
            return TrainTest.split(LibsvmReader.read(existing(s.substring(7), spec)), testFraction, stream(seed));
        }
        if (s.startsWith("csv:")) {
            return TrainTest.split(CsvReader.read(existing(s.substring(4), spec)), testFraction, stream(seed));
        }
        if (s.equals("fashion-mnist") || s.startsWith("fashion-mnist:")) {
            Map<String, String> kv = options(s.length() > 14 ? s.substring(14) : "", spec);
            Path dir = kv.containsKey("dir") ? Path.of(kv.remove("dir")) : FashionMnist.DEFAULT_DIR;
            int n = kv.containsKey("n") ? positiveInt(kv.remove("n"), spec) : Integer.MAX_VALUE;
            rejectUnknown(kv, spec);
            return FashionMnist.load(dir, n);
        }
        throw new InvalidParameterException("data", spec, ALLOWED);
    }

    /**
     * @param seed the run's seed
     * @return the stream of data generation and splitting, (seed, {@link #DATA_STREAM})
     */
    public static UniformRandomProvider stream(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, DATA_STREAM});
    }

    private static TrainTest synthetic(String rest, String spec, double testFraction, long seed) {
        int comma = rest.indexOf(',');
        String kindName = (comma < 0 ? rest : rest.substring(0, comma)).strip().toLowerCase(Locale.ROOT);
        SyntheticData.Kind kind = null;
        for (SyntheticData.Kind k : SyntheticData.Kind.values()) {
            if (k.label().equals(kindName)) {
                kind = k;
            }
        }
        if (kind == null) {
            throw new InvalidParameterException("data", spec, ALLOWED);
        }
        Map<String, String> kv = options(comma < 0 ? "" : rest.substring(comma + 1), spec);
        int n = kv.containsKey("n") ? positiveInt(kv.remove("n"), spec) : 10_000;
        int d = kv.containsKey("d") ? positiveInt(kv.remove("d"), spec) : kind.sparse() ? 10_000 : 20;
        int classes = kv.containsKey("classes") ? positiveInt(kv.remove("classes"), spec) : 3;
        double density = DEFAULT_DENSITY;
        if (kind.sparse() && kv.containsKey("density")) {
            String v = kv.remove("density");
            try {
                density = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("data", spec, "density=P with a number 0 < P <= 1, got '" + v + "'");
            }
            if (!(density > 0 && density <= 1)) {
                throw new InvalidParameterException("data", spec, "density=P with 0 < P <= 1, got '" + v + "'");
            }
        }
        double noise = kind == SyntheticData.Kind.LEAST_SQUARES || kind == SyntheticData.Kind.SPARSE_LEAST_SQUARES
                ? 0.1 : 1;
        if (kv.containsKey("noise")) {
            String v = kv.remove("noise");
            try {
                noise = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("data", spec, "noise=S with a number S >= 0, got '" + v + "'");
            }
            if (!(noise >= 0 && noise < Double.POSITIVE_INFINITY)) {
                throw new InvalidParameterException("data", spec, "noise=S with a finite S >= 0, got '" + v + "'");
            }
        }
        long dataSeed = seed;
        if (kv.containsKey("seed")) {
            String v = kv.remove("seed");
            try {
                dataSeed = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("data", spec, "seed=SEED with an integer SEED, got '" + v + "'");
            }
        }
        rejectUnknown(kv, spec);
        if (kind == SyntheticData.Kind.SOFTMAX && classes > Math.min(n, MAX_CLASSES)) {
            throw new InvalidParameterException("data", spec, "classes <= " + Math.min(n, MAX_CLASSES)
                    + " (at most " + MAX_CLASSES + " and at most n = " + n + ", the rows)");
        }
        UniformRandomProvider rng = stream(dataSeed);
        TrainTest all;
        if (kind.sparse()) {
            int k = SyntheticData.nonZerosPerRow(d, density);
            dev.asgd.core.Limits.requireDoubles("data", spec, 3.0 * n * k + 4.0 * (d + 1), "rows x stored entries = "
                    + n + " x " + k + " (12 bytes each), kept twice (all rows, then train and test)");
            all = SyntheticData.generateSparse(kind, n, d, density, noise, rng);
        } else {
            dev.asgd.core.Limits.requireDoubles("data", spec, 2.0 * n * (d + 1) + 4.0 * classes * (d + 1),
                    "rows x (features + 1) = " + n + " x " + (d + 1) + ", kept twice (all rows, then train and test)");
            all = SyntheticData.generate(kind, n, d, classes, noise, rng);
        }
        return TrainTest.split(all.train(), testFraction, rng).withTrueWeights(all.trueWeights());
    }

    private static Path existing(String path, String spec) {
        Path p = Path.of(path);
        if (!Files.isRegularFile(p)) {
            throw new InvalidParameterException("data", spec, "an existing file (" + p + " is not one)");
        }
        return p;
    }

    private static Map<String, String> options(String list, String spec) {
        Map<String, String> kv = new LinkedHashMap<>();
        if (list.isBlank()) {
            return kv;
        }
        for (String part : list.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new InvalidParameterException("data", spec, "KEY=VALUE options, got '" + part + "'");
            }
            kv.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return kv;
    }

    private static void rejectUnknown(Map<String, String> kv, String spec) {
        if (!kv.isEmpty()) {
            throw new InvalidParameterException("data", spec, "known options only, got '" + kv.keySet().iterator().next()
                    + "'; " + ALLOWED);
        }
    }

    private static int positiveInt(String v, String spec) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new InvalidParameterException("data", spec, "a positive integer, got '" + v + "'");
    }
}
