package dev.asgd.report.reproduce;

import static dev.asgd.core.compare.Agreement.relativeDeviation;

import dev.asgd.core.perturbation.Perturbation;
import dev.asgd.fokkerplanck.study.FokkerPlanckRates;
import dev.asgd.report.html.Section;
import dev.asgd.report.html.Table;
import dev.asgd.report.html.Verdict;
import dev.asgd.simulation.queue.QueueStalenessStudy;
import dev.asgd.theory.errata.Errata;
import dev.asgd.theory.errata.ErrataStudy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every place where the printed paper disagrees with the computation (docs/theory.md, the same
 * numbering), each with its numbers computed now by two independent computations: computed by
 * {@link ErrataStudy} (asgd-theory; the queue simulation by asgd-simulation's
 * {@link QueueStalenessStudy}, the spectral gaps by asgd-fokkerplanck's {@link FokkerPlanckRates});
 * this class states each erratum, applies the tolerances that confirm it, and renders the table and
 * the rows of results.json beside the study's typed result.
 */
public final class ErrataExperiment implements Experiment {
    @Override
    public String id() {
        return "errata";
    }

    @Override
    public String title() {
        return "Errata: where the printed paper disagrees with the computation";
    }

    @Override
    public long work(ReproduceConfig config) {
        return ErrataStudy.COUNT;
    }

    /**
     * One erratum as the report states it (a row of the table and of results.json).
     *
     * @param number the number in docs/theory.md
     * @param where where the paper prints it
     * @param printed what it prints
     * @param computed what the computation shows
     * @param evidence the numbers computed now
     * @param confirmed whether they agree with the corrected statement and not with the printed one
     * @param byReading true when no computation checks it (a typo confirmed by reading)
     */
    public record Erratum(int number, String where, String printed, String computed, String evidence,
            boolean confirmed, boolean byReading) {
        /**
         * An erratum checked by the computations run now.
         *
         * @param number the number in docs/theory.md
         * @param where where the paper prints it
         * @param printed what it prints
         * @param computed what the computation shows
         * @param evidence the numbers computed now
         * @param confirmed whether they agree with the corrected statement and not with the printed one
         */
        public Erratum(int number, String where, String printed, String computed, String evidence, boolean confirmed) {
            this(number, where, printed, computed, evidence, confirmed, false);
        }
    }

    /**
     * The experiment's numbers in results.json.
     *
     * @param errata one row per erratum, as the table states it
     * @param confirmed how many are confirmed
     * @param confirmedByComputation how many of those the computations run now confirm (the others
     *     are typos confirmed by reading)
     * @param study the numbers of every erratum, as {@link ErrataStudy} computed them
     */
    public record ErrataRows(List<Erratum> errata, int confirmed, int confirmedByComputation, Errata study) {
        /** Copies the list. */
        public ErrataRows {
            errata = List.copyOf(errata);
            Objects.requireNonNull(study, "study");
        }
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) throws IOException {
        ReproduceConfig config = ctx.config();
        Errata x = ErrataStudy.run(new ErrataStudy.Sources() {
            @Override
            public double queueMeanStaleness(int workers) {
                return QueueStalenessStudy.run(workers, config.pick(200_000, 2_000_000), config.seed()).meanStaleness();
            }

            @Override
            public double spectralGap(double eta, double kappa, double omega0, double sigma, Perturbation perturbation,
                    int degree) {
                return FokkerPlanckRates.spectralGap(eta, kappa, omega0, sigma, perturbation, degree);
            }
        }, ctx.progress()::advance);
        List<Erratum> list = rows(x);
        List<List<String>> rows = new ArrayList<>();
        int confirmed = 0;
        int byComputation = 0;
        for (Erratum e : list) {
            rows.add(List.of(Integer.toString(e.number()), e.where(), e.printed(), e.computed(), e.evidence(),
                    e.confirmed() ? (e.byReading() ? "yes, by reading" : "yes") : "NO"));
            confirmed += e.confirmed() ? 1 : 0;
            byComputation += e.confirmed() && !e.byReading() ? 1 : 0;
        }
        Table table = new Table(List.of("#", "where", "the paper prints", "the computation shows", "evidence, computed now",
                "confirmed"), rows);
        Verdict verdict = confirmed == list.size() ? Verdict.HOLDS_WITH_CORRECTION : Verdict.FAILS;
        String text = Fmt.f("%d places where the printed paper disagrees with the computation; %d of %d corrections"
                + " confirmed, %d by the computations run now and %d by reading (the numbering is docs/theory.md's)",
                list.size(), confirmed, list.size(), byComputation, confirmed - byComputation);
        Section section = new Section(id(), title(), "The printed statements listed in docs/theory.md (errata #1-#15).",
                List.of(), List.of(table), verdict, text, List.of("Reference parameters unless a row says otherwise:"
                        + " eta = 0.01, kappa = 0.99, omega0 = 1, sigma = 1 (gamma = 1, underdamped). Each row's evidence"
                        + " is computed by this run; 'confirmed' is the check that the computations agree with the"
                        + " corrected statement and not with the printed one."));
        return new ExperimentResult(section, new ErrataRows(list, confirmed, byComputation, x));
    }

    /**
     * @param x the study's numbers
     * @return each erratum stated, with its evidence and whether the tolerances confirm it
     */
    static List<Erratum> rows(Errata x) {
        List<Erratum> list = new ArrayList<>();
        var e1 = x.printedMuIsTwiceTheDecay();
        list.add(new Erratum(1, "Theorem 3.2, (3.6)", Fmt.f("mu = gamma = %s", Fmt.num(e1.muPaper())),
                Fmt.f("mu = min Re eig Q = gamma/2 = %s", Fmt.num(e1.muSharp())),
                Fmt.f("certificate K >= 2 mu P holds up to mu = %s; exact discrete decay -ln rho / deltaT = %s;"
                        + " SME exp(A deltaT): %s (gamma = %s, kappa = 0.99)", Fmt.num(e1.certifiedMu()),
                        Fmt.num(e1.discreteDecay()), Fmt.num(e1.smeDecay()), Fmt.num(e1.gamma())),
                relativeDeviation(e1.certifiedMu(), e1.muSharp()) < 1e-6
                        && relativeDeviation(e1.discreteDecay(), e1.muSharp()) < 0.02
                        && relativeDeviation(e1.smeDecay(), e1.muSharp()) < 1e-6));

        var e2 = x.printedMuOnlyForCentredData();
        list.add(new Erratum(2, "Theorem 3.2", "the printed mu is the rate for all initial data",
                "only for data whose mean is at equilibrium (degree-2 modes)",
                Fmt.f("exponent of ||h||^2 at gamma = 1 (printed 2 mu = 2): centred SME %s, discrete %s; off-centre SME %s,"
                        + " discrete %s", Fmt.num(e2.smeCentred()), Fmt.num(e2.discreteCentred()),
                        Fmt.num(e2.smeOffCentre()), Fmt.num(e2.discreteOffCentre())),
                relativeDeviation(e2.smeCentred(), 2) < 0.05 && relativeDeviation(e2.smeOffCentre(), 1) < 0.05
                        && relativeDeviation(e2.discreteCentred(), 2) < InitialDataExperiment.DISCRETE_TOLERANCE
                        && relativeDeviation(e2.discreteOffCentre(), 1) < InitialDataExperiment.DISCRETE_TOLERANCE));

        var e3 = x.criticalCaseRate();
        list.add(new Erratum(3, "Theorem 3.2, critical case", Fmt.f("mu = gamma - delta (gamma = %s)", Fmt.num(e3.gamma())),
                Fmt.f("mu = gamma/2 - delta; certified %s with delta = %s", Fmt.num(e3.certifiedMu()),
                        Fmt.num(e3.criticalDelta())),
                Fmt.f("regime %s; ||exp(A t)|| e^(gamma t/2) / (1 + t) = %s at t = 10, %s at t = 100: the L2 decay is"
                        + " (1 + t) exp(-gamma t/2)", e3.regime().label(), Fmt.num(e3.normRatioAt10()),
                        Fmt.num(e3.normRatioAt100())),
                relativeDeviation(e3.certifiedMu(), e3.correctedMu()) < 1e-6
                        && relativeDeviation(e3.normRatioAt100(), e3.normRatioAt10()) < 0.2));

        var e4 = x.expectedStaleness();
        list.add(new Erratum(4, "Remark 3.4", Fmt.f("E tau = 1/(1 - kappa) = %s (kappa = 0.9)", Fmt.num(e4.printed())),
                Fmt.f("E tau = kappa/(1 - kappa) = %s", Fmt.num(e4.corrected())),
                Fmt.f("sum of l (1 - kappa) kappa^l over the pmf = %s", Fmt.num(e4.pmfMean())),
                relativeDeviation(e4.pmfMean(), e4.corrected()) < 1e-9));

        var e5 = x.plateauExponent();
        list.add(new Erratum(5, "Remark 3.3, (3.7)", Fmt.f("exp(-2(1 - kappa) k): %s per step", Fmt.num(e5.printedPerStep())),
                Fmt.f("exp(-(1 - kappa) k) as the SME says; exactly kappa^k: %s per step", Fmt.num(e5.exactPerStep())),
                Fmt.f("Hipparchus spectral radius of the mean map %s = sqrt kappa %s; -2 ln rho = %s; SME 2 mu deltaT = %s",
                        Fmt.num(e5.radius()), Fmt.num(e5.sqrtKappa()), Fmt.num(e5.exactFromRadiusPerStep()),
                        Fmt.num(e5.smeTwiceMuDeltaT())),
                relativeDeviation(e5.radius(), e5.sqrtKappa()) < 1e-12
                        && relativeDeviation(e5.smeTwiceMuDeltaT(), e5.smePredictedPerStep()) < 1e-9));

        var e6 = x.discreteThreshold();
        list.add(new Erratum(6, "Remark 3.3", Fmt.f("eta* = (1 - kappa)/(4 omega0^2) = %s (kappa = 0.9)",
                Fmt.num(e6.printed())),
                Fmt.f("right for the SME; discrete ASGD: (1 - sqrt kappa)/((1 + sqrt kappa) omega0^2) = %s",
                        Fmt.num(e6.exact())),
                Fmt.f("bisection on where the mean map's eigenvalues (Hipparchus) turn complex: %s", Fmt.num(e6.bisection())),
                relativeDeviation(e6.bisection(), e6.exact()) < 1e-9));

        var e7 = x.lyapunovTranspose();
        list.add(new Erratum(7, "(4.7)", "K = QP + Q^T P", "K = QP + PQ^T, as (4.6) has it",
                Fmt.f("max |QP + PQ^T - K(4.5)| = %s; max |QP + Q^T P - K(4.5)| = %s", Fmt.num(e7.deviationCorrected()),
                        Fmt.num(e7.deviationPrinted())), e7.deviationCorrected() < 1e-12 && e7.deviationPrinted() > 1e-3));

        var e8 = x.constantC1WithoutEps0();
        list.add(new Erratum(8, "Theorem 3.2, C1", "C1 = (11 + 11C + 15 Chat) eps0 C2^2 max{1, C}/(C - Chat^2)",
                Fmt.f("(4.8): C1 has no eps0, C1 = %s", Fmt.num(e8.c1())),
                Fmt.f("(4.8) evaluated here: %s; epsilon(2 eps0)/epsilon(eps0) = %s (printed form: 4)",
                        Fmt.num(e8.evaluated()), Fmt.num(e8.epsilonRatio())),
                relativeDeviation(e8.evaluated(), e8.c1()) < 1e-12 && relativeDeviation(e8.epsilonRatio(), 2) < 1e-12));

        var e9 = x.poincareWithoutD();
        list.add(new Erratum(9, "(3.5)", Fmt.f("constant 1/(d beta min{omega0^2, 1}) = %s (d = 2, omega0 = 0.5)",
                Fmt.num(e9.printed())),
                Fmt.f("1/(beta min{omega0^2, 1}) = %s, no 1/d", Fmt.num(e9.sharp())),
                Fmt.f("h = x_1: ||h||^2 / ||grad h||^2 = Var_M(x_1) = %s by Gauss-Hermite quadrature > the printed constant",
                        Fmt.num(e9.variance())),
                relativeDeviation(e9.variance(), e9.sharp()) < 1e-9 && e9.variance() > e9.printed()));

        var e10 = x.queueModelKappa();
        int m = e10.workers();
        list.add(new Erratum(10, "Remark 3.4", "ASGD beats SGD when m(1 - kappa) > 1",
                Fmt.f("queue of m workers: kappa = (m - 1)/m, m(1 - kappa) = 1 exactly (m = %d)", m),
                Fmt.f("event simulation of %d workers with exponential compute times: E tau = %s (m - 1 = %d), kappa ="
                        + " %s, m(1 - kappa) = %s; the exact per-time comparison is in Remark 3.4's section", m,
                        Fmt.num(e10.meanStaleness()), m - 1, Fmt.num(e10.kappa()), Fmt.num(e10.efficiency())),
                Math.abs(e10.efficiency() - 1) < 0.02));

        var e11 = x.perturbationUnbounded();
        String grows = Fmt.f("%s, %s, %s", Fmt.num(e11.at10()), Fmt.num(e11.at1e3()), Fmt.num(e11.at1e5()));
        list.add(new Erratum(11, "Assumption 3.1", "||eps . x||, ||eps . v|| bounded in L-infinity over (x, v)",
                Fmt.f("infinite for every eps != 0; the finite part eps0 = max(sup|eps|, d sup|eps'|) = %s for 0.1 sin",
                        Fmt.num(e11.eps0())),
                "on the line theta = pi/2 (v = -gamma x - omega0^2 pi/2), |eps(theta) x| at x = 10, 1e3, 1e5: " + grows,
                e11.at1e5() > 1e3 * e11.at10() * 0.99));

        var e12 = x.gradientTypo();
        list.add(new Erratum(12, "Lemma 4.2", "||grad_x h||^2 + C ||grad_x h||^2", "the second term is C ||grad_v h||^2",
                "a typo confirmed by reading, nothing computed: (4.4) and (3.8) carry the grad_v term", true,
                !e12.computed()));

        var e13 = x.stationaryVelocitySign();
        list.add(new Erratum(13, "Appendix A", "M = exp(-beta omega0^2 |x|^2/2 + beta |v|^2/2)",
                "M = exp(-beta omega0^2 |x|^2/2 - beta |v|^2/2), as (3.1)",
                Fmt.f("the SME's stationary covariance (Lyapunov equation) in (x, v): Var v = %s = 1/beta = %s > 0,"
                        + " Cov(x, v) = %s", Fmt.num(e13.varianceV()), Fmt.num(e13.inverseBeta()),
                        Fmt.num(e13.covarianceXv())),
                relativeDeviation(e13.varianceV(), e13.inverseBeta()) < 1e-9
                        && Math.abs(e13.covarianceXv()) < 1e-12 * Math.abs(e13.varianceV()) + 1e-300));

        var e14 = x.perturbationBoundVacuous();
        list.add(new Erratum(14, "Theorem 3.2, eps0 small enough", "||h||^2 <~ exp(-2 (mu - epsilon) t), epsilon = eps0 C1",
                Fmt.f("vacuous at any eps0 of interest: 0.2 sin at eta 0.2, kappa 0.9, sigma 3 gives epsilon = %s against"
                        + " muSharp = %s", Fmt.num(e14.epsilon()), Fmt.num(e14.muSharp())),
                Fmt.f("Fokker-Planck gap without and with the perturbation: %s -> %s (>= muSharp - epsilon)",
                        Fmt.num(e14.gapUnperturbed()), Fmt.num(e14.gapPerturbed())),
                e14.epsilon() > e14.muSharp() && relativeDeviation(e14.gapPerturbed(), e14.gapUnperturbed()) < 0.05
                        && e14.gapPerturbed() >= e14.muSharp() - e14.epsilon()));

        var e15 = x.secondMomentStabilityLimit();
        list.add(new Erratum(15, "Remark 3.3", "above the threshold the rate is a constant depending on (1 - kappa) only",
                Fmt.f("true for the mean only: the second moment is stable only for eta < %s (kappa 0.9), the mean up to %s",
                        Fmt.num(e15.etaMaxSecondMoment()), Fmt.num(e15.etaMaxMean())),
                Fmt.f("at eta = 1 the mean contracts by %s = sqrt kappa per step while E theta^2 after 2000 steps is %s"
                        + " (closed second-moment recursion)", Fmt.num(e15.radiusAtEtaOne()),
                        Fmt.num(e15.secondMomentAfter2000Steps())),
                e15.etaMaxSecondMoment() < 1 && 1 < e15.etaMaxMean() && e15.secondMomentAfter2000Steps() > 1e10
                        && relativeDeviation(e15.radiusAtEtaOne(), e15.sqrtKappa()) < 1e-12));
        return list;
    }
}
