package dev.asgd.simulation.compare;

import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.core.noise.AdditiveGaussianNoise;
import dev.asgd.simulation.EnsembleSimulator;
import dev.asgd.simulation.SeriesPoint;
import dev.asgd.simulation.SimulationConfig;
import dev.asgd.simulation.sde.SdeConfig;
import dev.asgd.simulation.sde.SdeEnsemble;
import dev.asgd.simulation.sde.SdeProblem;
import dev.asgd.simulation.sde.SdeResult;
import dev.asgd.simulation.sde.SmeMoments;
import dev.asgd.theory.moments.ExactMoments;
import dev.asgd.theory.moments.MomentPoint;
import dev.asgd.theory.moments.MomentProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Runs one comparison of the SME with discrete ASGD (An, Lu and Ying's weak-approximation claim,
 * measured): exact discrete moments where they exist (unperturbed quadratic, i.i.d. staleness),
 * Monte Carlo ASGD, and the SME (exact moments for the unperturbed quadratic, an ensemble of the
 * chosen scheme otherwise), then the SME's weak error against the best ASGD reference (exact, else
 * Monte Carlo) and the verdict. A Monte Carlo ASGD that diverges is a finding here, not a failure:
 * it is reported and decides the verdict. An SME ensemble that diverges is a numerical failure of
 * the integrator and propagates ({@link NumericalDivergenceException}).
 */
public final class SmeComparison {
    private SmeComparison() {
    }

    /**
     * @param config the comparison
     * @return whether discrete ASGD has exact moments ({@link ExactMoments#applies})
     */
    public static boolean exactAvailable(CompareConfig config) {
        SdeProblem p = config.problem();
        return ExactMoments.applies(p.linear(), config.staleness(), p.omega0().length);
    }

    /**
     * @param config the comparison
     * @param monteCarlo whether the Monte Carlo ASGD ensemble is asked for
     * @return whether {@link #run} runs it: when asked, and always when ASGD has no exact moments
     */
    public static boolean runsMonteCarlo(CompareConfig config, boolean monteCarlo) {
        return monteCarlo || !exactAvailable(config);
    }

    /**
     * The work {@link #run} reports to its progress: the member-steps of the Monte Carlo ensemble when
     * it runs and of the SME ensemble when the SME has no exact moments (a perturbed loss).
     *
     * @param config the comparison
     * @param monteCarlo as for {@link #run}
     * @return the member-steps
     */
    public static long work(CompareConfig config, boolean monteCarlo) {
        return (runsMonteCarlo(config, monteCarlo) ? memberSteps(config) : 0)
                + (config.problem().linear() ? 0 : memberSteps(config));
    }

    private static long memberSteps(CompareConfig config) {
        return (long) config.runs() * config.steps();
    }

    /**
     * @param config the comparison
     * @param monteCarlo whether to run the Monte Carlo ASGD ensemble (it is always run when ASGD has no
     *     exact moments)
     * @param progress told the member-steps done over both ensembles (may be null)
     * @return the comparison
     */
    public static Comparison run(CompareConfig config, boolean monteCarlo, LongConsumer progress) {
        SdeProblem p = config.problem();
        double[] star = p.loss().minimizer();
        boolean exactAvailable = exactAvailable(config);
        List<SeriesPoint> exact = null;
        double rho = Double.NaN;
        double etaMax = Double.NaN;
        double asgdStationary = Double.NaN;
        String unstable = null;
        if (exactAvailable) {
            ExactMoments em = ExactMoments.of(new MomentProblem(p.eta(), p.omega0(), p.sigma(), p.theta0(), star,
                    config.staleness()));
            rho = em.secondMomentRate();
            etaMax = em.secondMomentEtaMax();
            asgdStationary = em.stationarySecondMoment();
            exact = new ArrayList<>();
            for (MomentPoint m : em.series(config.steps(), config.every(), null)) {
                exact.add(SeriesPoint.exact(m.step(), m.mean(), m.secondMomentPerCoordinate(), m.secondMoment(),
                        m.excessLoss()));
            }
            if (!(rho < 1)) {
                unstable = String.format(Locale.ROOT, "discrete ASGD's second moment diverges (exact factor per step"
                        + " %.6g >= 1; eta = %.6g, its stability limit is %.6g)", rho, p.eta(), etaMax);
            }
        }
        boolean runMc = runsMonteCarlo(config, monteCarlo);
        boolean smeEnsemble = !p.linear();
        long mcWork = runMc ? memberSteps(config) : 0;
        List<SeriesPoint> mc = null;
        String mcFailure = null;
        if (runMc) {
            SimulationConfig sim = new SimulationConfig(new AdditiveGaussianNoise(p.loss(), p.sigma()),
                    config.staleness(), p.eta(), p.theta0(), config.steps(), config.every(), config.runs(),
                    config.seed(), config.threads(), config.divergenceBound(), new double[0]);
            try {
                mc = EnsembleSimulator.run(sim, progress).series();
            } catch (NumericalDivergenceException e) {
                mcFailure = "Monte Carlo ASGD " + e.getMessage();
                if (unstable == null) {
                    unstable = "discrete ASGD diverges (" + mcFailure + ")";
                }
            }
        }
        List<SeriesPoint> sme;
        String smeSource;
        double smeStationary;
        double smeStationarySe = Double.NaN;
        if (smeEnsemble) {
            SdeConfig sc = new SdeConfig(p, config.scheme(), config.substeps(), config.steps(), config.every(),
                    config.runs(), config.seed() + 1, config.threads(), config.divergenceBound(), new double[0]);
            LongConsumer offset = progress == null ? null : n -> progress.accept(mcWork + n / config.substeps());
            SdeResult r = SdeEnsemble.run(sc, offset);
            sme = r.series();
            smeSource = String.format(Locale.ROOT, "ensemble of %d paths, scheme %s, dt %.6g (%d per ASGD step)",
                    config.runs(), config.scheme().label(), sc.dt(), config.substeps());
            smeStationary = r.last().secondMoment();
            smeStationarySe = r.last().secondMomentStdErr();
        } else {
            sme = SmeMoments.series(p, config.steps(), config.every());
            smeSource = "exact moments (matrix exponential and Lyapunov equation)";
            smeStationary = SmeMoments.stationarySecondMoment(p);
        }
        List<SeriesPoint> reference = exact != null ? exact : mc;
        String referenceName = exact != null ? "exact discrete moments" : mc != null ? "Monte Carlo ASGD" : "none";
        WeakError error = reference == null ? null : WeakError.of(reference, sme, star);
        double maxZ = exact != null && mc != null ? maxZ(exact, mc) : Double.NaN;
        Stationary stationary = null;
        if (unstable == null) {
            if (exact != null) {
                stationary = new Stationary(asgdStationary, Double.NaN, "exact (fixed point of the moment recursion)",
                        smeStationary, smeStationarySe, smeEnsemble ? "last record of the ensemble"
                                : "exact (algebraic Lyapunov equation)");
            } else if (mc != null) {
                SeriesPoint last = mc.get(mc.size() - 1);
                stationary = new Stationary(last.secondMoment(), last.secondMomentStdErr(),
                        "last record of the Monte Carlo (no exact stationary value)", smeStationary, smeStationarySe,
                        smeEnsemble ? "last record of the ensemble" : "exact (algebraic Lyapunov equation)");
            }
        }
        double omegaMax = 0;
        for (double w : p.omega0()) {
            omegaMax = Math.max(omegaMax, w);
        }
        Verdict verdict = Verdict.of(p.eta(), omegaMax, unstable, error, stationary, config.tolerance());
        return new Comparison(config, exact, mc, mcFailure, sme, smeSource, referenceName, error, maxZ, stationary,
                rho, etaMax, verdict);
    }

    /** Largest |z| of the Monte Carlo's means and second moments against the exact ones (records after 0). */
    private static double maxZ(List<SeriesPoint> exact, List<SeriesPoint> mc) {
        double z = 0;
        for (int r = 1; r < Math.min(exact.size(), mc.size()); r++) {
            SeriesPoint e = exact.get(r);
            SeriesPoint m = mc.get(r);
            z = Math.max(z, Math.abs(m.secondMoment() - e.secondMoment()) / m.secondMomentStdErr());
            for (int i = 0; i < e.mean().length; i++) {
                z = Math.max(z, Math.abs(m.mean()[i] - e.mean()[i]) / m.meanStdErr()[i]);
            }
        }
        return z;
    }
}
