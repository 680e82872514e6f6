package dev.asgd.training.predict;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.engine.Schedule;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A first-order Markov chain on the staleness, fitted to a run's per-update sequence: P(tau_{k+1} = j |
 * tau_k = i) from the transition counts (lags above {@link StalenessLaw#MAX_LAG} share one state, and
 * a sampled value in it is drawn from the run's own values above the cap). It keeps what the i.i.d.
 * law loses: persistence, e.g. stretches where M workers take turns (tau = M - 1 again and again)
 * between stretches where one worker runs alone (tau = 0). A schedule sampled from it, replayed
 * ({@link ReplayEdge}), gives the edge of the fitted sequence model.
 */
public final class MarkovStaleness {
    private final int states;
    /** cumulative[i][j] = P(next <= j | current = i). */
    private final double[][] cumulative;
    private final int[] tail;
    private final int first;

    private MarkovStaleness(int states, double[][] cumulative, int[] tail, int first) {
        this.states = states;
        this.cumulative = cumulative;
        this.tail = tail;
        this.first = first;
    }

    /**
     * @param sequence the staleness of each update, in apply order (at least two)
     * @return the fitted chain
     */
    public static MarkovStaleness fit(int[] sequence) {
        if (sequence.length < 2) {
            throw new InvalidParameterException("staleness sequence", sequence.length + " updates", "at least 2 updates");
        }
        int cap = StalenessLaw.MAX_LAG;
        int max = 0;
        List<Integer> tailValues = new ArrayList<>();
        for (int t : sequence) {
            max = Math.max(max, Math.min(t, cap));
            if (t >= cap) {
                tailValues.add(t);
            }
        }
        int n = max + 1;
        double[][] counts = new double[n][n];
        for (int k = 0; k + 1 < sequence.length; k++) {
            counts[Math.min(sequence[k], cap)][Math.min(sequence[k + 1], cap)]++;
        }
        double[] marginal = new double[n];
        for (int t : sequence) {
            marginal[Math.min(t, cap)]++;
        }
        double[][] cum = new double[n][n];
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (double c : counts[i]) {
                row += c;
            }
            // a state never left (the last update's only): fall back to the marginal law
            double[] p = row > 0 ? counts[i] : marginal;
            double sum = row > 0 ? row : sequence.length;
            double acc = 0;
            for (int j = 0; j < n; j++) {
                acc += p[j] / sum;
                cum[i][j] = acc;
            }
            cum[i][n - 1] = 1;
        }
        int[] tail = tailValues.stream().mapToInt(Integer::intValue).toArray();
        return new MarkovStaleness(n, cum, tail, Math.min(sequence[0], cap));
    }

    /** @return the number of states (the largest capped lag + 1) */
    public int states() {
        return states;
    }

    /**
     * @param i the current state
     * @param j the next state
     * @return the fitted transition probability
     */
    public double transition(int i, int j) {
        return cumulative[i][j] - (j == 0 ? 0 : cumulative[i][j - 1]);
    }

    /**
     * @param length the number of updates
     * @param rng the stream
     * @return a staleness sequence of the chain, started where the run started
     */
    public int[] sample(int length, UniformRandomProvider rng) {
        int[] out = new int[length];
        int s = first;
        for (int k = 0; k < length; k++) {
            if (k > 0) {
                double u = rng.nextDouble();
                double[] row = cumulative[s];
                int j = 0;
                while (j < row.length - 1 && u >= row[j]) {
                    j++;
                }
                s = j;
            }
            out[k] = s == StalenessLaw.MAX_LAG && tail.length > 0 ? tail[rng.nextInt(tail.length)] : s;
        }
        return out;
    }

    /**
     * The schedule's workers and minibatches with the staleness drawn from the chain fitted to it
     * (a read before version 0 reads version 0).
     *
     * @param schedule the recorded schedule
     * @param seed the draw's seed
     * @return the schedule of the sequence model
     */
    public static Schedule resample(Schedule schedule, long seed) {
        List<Schedule.Entry> e = schedule.entries();
        int[] tau = new int[e.size()];
        for (int k = 0; k < tau.length; k++) {
            tau[k] = (int) Math.min(k - e.get(k).readVersion(), Integer.MAX_VALUE);
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, 0x4d41524b4f56L});
        int[] drawn = fit(tau).sample(tau.length, rng);
        List<Schedule.Entry> out = new ArrayList<>(tau.length);
        for (int k = 0; k < tau.length; k++) {
            out.add(new Schedule.Entry(e.get(k).worker(), e.get(k).step(), Math.max(0, k - (long) drawn[k])));
        }
        return new Schedule(schedule.fingerprint(), out);
    }
}
