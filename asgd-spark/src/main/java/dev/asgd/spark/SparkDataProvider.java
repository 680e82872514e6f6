package dev.asgd.spark;

import dev.asgd.core.Require;
import dev.asgd.training.engine.DataProvider;
import dev.asgd.training.engine.EngineProvider;
import dev.asgd.training.engine.SessionData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The {@link DataProvider} service of {@code --engine spark} ({@code META-INF/services}): a
 * {@code csv:PATH} or {@code libsvm:PATH} whose PATH has a URI scheme ({@code file:},
 * {@code hdfs:}, {@code s3a:}, ...) or names a local directory (of part files) is read by the
 * executors ({@link SparkDataReader}) and never held by the driver. A plain local file
 * ({@code csv:data.csv}) is loaded by the driver as before, so that the theory and the other
 * in-memory features keep working on it.
 */
public final class SparkDataProvider implements DataProvider {
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

    @Override
    public String engine() {
        return "spark";
    }

    @Override
    public boolean reads(String spec) {
        String path = path(spec);
        if (path == null) {
            return false;
        }
        if (SCHEME.matcher(path).matches()) {
            return true;
        }
        try {
            return Files.isDirectory(Path.of(path));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** @return the path of a csv: or libsvm: spec, or null */
    static String path(String spec) {
        String s = spec.strip();
        return s.startsWith("csv:") ? s.substring(4).strip() : s.startsWith("libsvm:") ? s.substring(7).strip() : null;
    }

    /** @return the format of a csv: or libsvm: spec */
    static ShardRows.Format format(String spec) {
        return spec.strip().startsWith("csv:") ? ShardRows.Format.CSV : ShardRows.Format.LIBSVM;
    }

    @Override
    public SessionData open(String spec, double testFraction, long seed, int workers, EngineProvider.Options options) {
        Require.inHalfOpen(testFraction, 0, 1, "test-fraction");
        Require.atLeast(workers, 1, "workers");
        String path = path(spec);
        if (!SCHEME.matcher(path).matches()) {
            path = Path.of(path).toAbsolutePath().toUri().toString();
        }
        SparkLogging.Quiet quiet = SparkLogging.quiet(options.quiet());
        try {
            // the workers hold a task slot each for the whole run; the evaluation jobs need one more
            SparkLease lease = SparkLease.acquire(options.master(), workers + 1, options.injectTaskFailures() > 0,
                    options.timeoutSeconds());
            try {
                return SparkDataReader.read(lease.context(), spec, format(spec), path,
                        new ShardRows.Placement(seed, testFraction, workers)).withLease(lease);
            } catch (RuntimeException | Error e) {
                lease.close();
                throw e;
            }
        } finally {
            quiet.close();
        }
    }
}
