package dev.asgd.core.staleness;

import dev.asgd.core.InvalidParameterException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * A staleness law given by weights w_0, ..., w_L (normalised to a pmf), e.g. measured from a run.
 * Sampled by Commons RNG's {@link AliasMethodDiscreteSampler} (O(1) per draw).
 *
 * <p>File format ({@link #read(Path, String)}): one number per line; blank lines and lines
 * starting with {@code #} are skipped. An optional first line {@code staleness} (the default) says
 * the lines are observed staleness values (non-negative integers, counted into weights); a first
 * line {@code weight} says line l holds the weight of lag l (non-negative, not all zero).
 */
public final class EmpiricalStaleness implements StalenessDistribution {
    private final double[] pmf;
    private final double mean;
    private final String spec;

    /**
     * @param weights w_0..w_L, each finite and &gt;= 0, sum &gt; 0 (trailing zeros are dropped)
     * @param spec the specification to report
     */
    public EmpiricalStaleness(double[] weights, String spec) {
        if (weights == null || weights.length == 0) {
            throw new InvalidParameterException("staleness", spec, "empirical:FILE with at least one weight");
        }
        double sum = 0;
        int last = -1;
        for (int l = 0; l < weights.length; l++) {
            double w = weights[l];
            if (!(w >= 0 && w < Double.POSITIVE_INFINITY)) {
                throw new InvalidParameterException("staleness", spec,
                        "weights finite and >= 0 (entry " + l + " is " + w + ")");
            }
            sum += w;
            if (w > 0) {
                last = l;
            }
        }
        if (!(sum > 0)) {
            throw new InvalidParameterException("staleness", spec, "weights not all zero");
        }
        this.pmf = new double[last + 1];
        double m = 0;
        for (int l = 0; l <= last; l++) {
            pmf[l] = weights[l] / sum;
            m += l * pmf[l];
        }
        this.mean = m;
        this.spec = spec;
    }

    /**
     * @param file the file (see the class comment)
     * @param spec the specification, for messages
     * @return the law
     * @throws InvalidParameterException naming {@code staleness} when the file is missing, empty or malformed
     */
    public static EmpiricalStaleness read(Path file, String spec) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            String why = e instanceof IOException io ? dev.asgd.core.Limits.cause(io) : "cannot be read";
            throw new InvalidParameterException("staleness", spec, "empirical:FILE naming a readable file (" + why + ")");
        }
        boolean weights = false;
        List<String> values = new ArrayList<>();
        for (String raw : lines) {
            String s = raw.trim();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            if (values.isEmpty() && !weights && (s.equals("weight") || s.equals("staleness"))) {
                weights = s.equals("weight");
                continue;
            }
            values.add(s);
        }
        if (values.isEmpty()) {
            throw new InvalidParameterException("staleness", spec, "empirical:FILE with at least one value (file is empty)");
        }
        return weights ? fromWeights(values, spec) : fromObservations(values, spec);
    }

    private static EmpiricalStaleness fromWeights(List<String> values, String spec) {
        double[] w = new double[values.size()];
        for (int i = 0; i < w.length; i++) {
            try {
                w[i] = Double.parseDouble(values.get(i));
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("staleness", spec,
                        "one weight per line (line value '" + values.get(i) + "' is not a number)");
            }
        }
        return new EmpiricalStaleness(w, spec);
    }

    private static EmpiricalStaleness fromObservations(List<String> values, String spec) {
        int[] obs = new int[values.size()];
        int max = 0;
        for (int i = 0; i < obs.length; i++) {
            try {
                obs[i] = Integer.parseInt(values.get(i));
            } catch (NumberFormatException e) {
                obs[i] = -1;
            }
            if (obs[i] < 0 || obs[i] > 10_000_000) {
                throw new InvalidParameterException("staleness", spec,
                        "one observed staleness (integer 0..1e7) per line, or a first line 'weight' (got '"
                                + values.get(i) + "')");
            }
            max = Math.max(max, obs[i]);
        }
        double[] w = new double[max + 1];
        for (int o : obs) {
            w[o]++;
        }
        return new EmpiricalStaleness(w, spec);
    }

    /** @return a copy of the pmf p_0..p_L */
    public double[] probabilities() {
        return pmf.clone();
    }

    @Override
    public double pmf(int lag) {
        return lag >= 0 && lag < pmf.length ? pmf[lag] : 0;
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public int maxLag() {
        return pmf.length - 1;
    }

    @Override
    public String spec() {
        return spec;
    }

    @Override
    public StalenessSampler sampler(UniformRandomProvider rng) {
        if (pmf.length == 1) {
            return step -> 0;
        }
        SharedStateDiscreteSampler s = AliasMethodDiscreteSampler.of(rng, pmf);
        return step -> s.sample();
    }
}
