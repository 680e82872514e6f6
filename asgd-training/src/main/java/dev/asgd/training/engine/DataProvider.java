package dev.asgd.training.engine;

import java.util.ServiceLoader;

/**
 * A service ({@link ServiceLoader}) through which an engine living in another module, e.g. the
 * Spark engine of {@code asgd-spark}, reads {@code --data} where it lives (a cluster's file system)
 * instead of in this JVM. {@code asgd train} asks it before loading the data itself.
 */
public interface DataProvider {
    /** @return the engine whose runs can use this data, as given to {@code --engine} */
    String engine();

    /**
     * @param spec a {@code --data} spec
     * @return whether this provider reads it where it lives (otherwise it is loaded in this JVM as usual)
     */
    boolean reads(String spec);

    /**
     * Reads the data where it lives: its shape, the split, the partitions the engine's workers use.
     *
     * @param spec the {@code --data} spec, one this provider {@link #reads}
     * @param testFraction share of rows held out, in [0, 1)
     * @param seed the run's seed (the split)
     * @param workers M, the number of training partitions
     * @param options the engine's settings (its master, timeout, quiet)
     * @return the data; closing it frees its partitions
     * @throws dev.asgd.core.InvalidParameterException naming {@code data} for a bad path or row
     */
    SessionData open(String spec, double testFraction, long seed, int workers, EngineProvider.Options options);

    /**
     * @param engine the engine's name
     * @param spec the {@code --data} spec
     * @return the first provider on the class path for that engine that reads the spec, or null
     */
    static DataProvider find(String engine, String spec) {
        for (DataProvider p : ServiceLoader.load(DataProvider.class)) {
            if (p.engine().equals(engine) && p.reads(spec)) {
                return p;
            }
        }
        return null;
    }
}
