package dev.asgd.theory.errata;

import dev.asgd.core.perturbation.NoPerturbation;
import dev.asgd.core.perturbation.Perturbation;
import dev.asgd.core.perturbation.SinePerturbation;
import dev.asgd.core.staleness.GeometricStaleness;
import dev.asgd.theory.DiscreteMeanRate;
import dev.asgd.theory.ModeRate;
import dev.asgd.theory.PoincareConstant;
import dev.asgd.theory.SmeParameters;
import dev.asgd.theory.TheoremConstants;
import dev.asgd.theory.meanmap.EigenvalueKindBisection;
import dev.asgd.theory.meanmap.MeanMapSpectrum;
import dev.asgd.theory.meanmap.SmeMeanTransition;
import dev.asgd.theory.moments.ExactMoments;
import dev.asgd.theory.moments.MomentProblem;
import dev.asgd.theory.sme.LinearSme;
import dev.asgd.theory.sme.Matrix2;
import dev.asgd.theory.study.InitialDataStudy;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.analysis.integration.gauss.SymmetricGaussIntegrator;

/**
 * Every erratum of docs/theory.md computed now, by a method named after it (the record of the same
 * name in {@link Errata}). Reference parameters unless an erratum says otherwise: eta = 0.01,
 * kappa = 0.99, omega0 = 1, sigma = 1 (gamma = 1, underdamped). Two errata need computations of
 * modules above this one, supplied as {@link Sources}: the queue simulation (erratum 10) and the
 * Fokker-Planck spectral gap (erratum 14).
 */
public final class ErrataStudy {
    /** The reference learning rate. */
    public static final double ETA = 0.01;
    /** The reference staleness rate. */
    public static final double KAPPA = 0.99;
    /** The reference Hessian eigenvalue's square root. */
    public static final double OMEGA = 1;
    /** The staleness rate of errata 4, 6 and 15. */
    public static final double KAPPA_09 = 0.9;
    /** The workers of the queue model (erratum 10). */
    public static final int QUEUE_WORKERS = 8;
    /** The number of errata. */
    public static final int COUNT = 15;
    /** Records of ||h||^2 over the horizon of erratum 2 ({@link InitialDataStudy#exponents}). */
    public static final int INITIAL_DATA_POINTS = 3000;

    private ErrataStudy() {
    }

    /** The computations of modules above asgd-theory that two errata need. */
    public interface Sources {
        /**
         * @param workers m
         * @return the mean staleness of m workers with exponential compute times around a server (erratum 10)
         */
        double queueMeanStaleness(int workers);

        /**
         * @param eta learning rate
         * @param kappa staleness rate
         * @param omega0 square root of the Hessian eigenvalue
         * @param sigma noise
         * @param perturbation the loss perturbation
         * @param degree the Hermite truncation degree
         * @return the spectral gap of the Fokker-Planck generator (erratum 14)
         */
        double spectralGap(double eta, double kappa, double omega0, double sigma, Perturbation perturbation,
                int degree);
    }

    /**
     * @param sources the computations of the modules above
     * @param progress told the number of errata done (may be null)
     * @return every erratum's numbers
     */
    public static Errata run(Sources sources, IntConsumer progress) {
        Objects.requireNonNull(sources, "sources");
        IntConsumer p = progress == null ? i -> { } : progress;
        var e1 = printedMuIsTwiceTheDecay();
        p.accept(1);
        var e2 = printedMuOnlyForCentredData();
        p.accept(2);
        var e3 = criticalCaseRate();
        p.accept(3);
        var e4 = expectedStaleness();
        p.accept(4);
        var e5 = plateauExponent();
        p.accept(5);
        var e6 = discreteThreshold();
        p.accept(6);
        var e7 = lyapunovTranspose();
        p.accept(7);
        var e8 = constantC1WithoutEps0();
        p.accept(8);
        var e9 = poincareWithoutD();
        p.accept(9);
        var e10 = queueModelKappa(QUEUE_WORKERS, sources.queueMeanStaleness(QUEUE_WORKERS));
        p.accept(10);
        var e11 = perturbationUnbounded();
        p.accept(11);
        var e12 = new Errata.GradientTypo(false);
        p.accept(12);
        var e13 = stationaryVelocitySign();
        p.accept(13);
        var e14 = perturbationBoundVacuous(sources);
        p.accept(14);
        var e15 = secondMomentStabilityLimit();
        p.accept(15);
        return new Errata(e1, e2, e3, e4, e5, e6, e7, e8, e9, e10, e11, e12, e13, e14, e15);
    }

    private static ModeRate reference() {
        return ModeRate.of(ETA, KAPPA, OMEGA, 1);
    }

    /** @return erratum 1: the certificate, the exact discrete and the SME decay against the printed mu */
    public static Errata.PrintedMuIsTwiceTheDecay printedMuIsTwiceTheDecay() {
        ModeRate r = reference();
        double dt = r.sme().deltaT();
        double cert = r.lyapunov().certifiedMu();
        double disc = -Math.log(DiscreteMeanRate.contractionPerStep(ETA, KAPPA, OMEGA)) / dt;
        double sme = SmeMeanTransition.decayPerUnitTime(ETA, KAPPA, OMEGA) / 2;
        return new Errata.PrintedMuIsTwiceTheDecay(r.sme().gamma(), r.muPaper(), r.muSharp(), cert, disc, sme);
    }

    /**
     * @return erratum 2: the exponents of ||h||^2 per unit SME time from a centred and an off-centre
     *     start at gamma = 1 (eta = 1 - kappa), of the SME and of discrete ASGD ({@link InitialDataStudy})
     */
    public static Errata.PrintedMuOnlyForCentredData printedMuOnlyForCentredData() {
        InitialDataStudy.PerGamma x = InitialDataStudy.exponents(KAPPA, OMEGA, 1, INITIAL_DATA_POINTS);
        return new Errata.PrintedMuOnlyForCentredData(x.smeCentred(), x.discreteCentred(), x.smeOffCentre(),
                x.discreteOffCentre());
    }

    /** @return erratum 3: the critical case's certified rate and the (1 + t) factor of exp(A t) */
    public static Errata.CriticalCaseRate criticalCaseRate() {
        double etaCrit = (1 - KAPPA) / 4; // gamma = 2 omega0
        ModeRate crit = ModeRate.of(etaCrit, KAPPA, OMEGA, 1);
        double gc = crit.sme().gamma();
        Matrix2 a = LinearSme.of(crit.sme(), OMEGA).drift();
        double[] tt = {10, 100};
        double[] q = new double[2];
        for (int i = 0; i < 2; i++) {
            q[i] = a.exp(tt[i]).frobeniusNorm() * Math.exp(gc * tt[i] / 2) / (1 + tt[i]);
        }
        double delta = crit.constants().criticalDelta();
        return new Errata.CriticalCaseRate(gc, crit.regime(), crit.lyapunov().certifiedMu(), delta, gc / 2 - delta,
                q[0], q[1]);
    }

    /** @return erratum 4: the mean of the geometric pmf summed term by term */
    public static Errata.ExpectedStaleness expectedStaleness() {
        double k9 = KAPPA_09;
        double sum = 0;
        double pl = 1 - k9;
        for (int l = 0; l < 5000; l++) {
            sum += l * pl;
            pl *= k9;
        }
        return new Errata.ExpectedStaleness(k9, 1 / (1 - k9), k9 / (1 - k9), sum);
    }

    /** @return erratum 5: the plateau's exponent, printed, exact, from Hipparchus and from the SME */
    public static Errata.PlateauExponent plateauExponent() {
        double rad = MeanMapSpectrum.of(ETA, KAPPA, OMEGA).radius();
        return new Errata.PlateauExponent(2 * (1 - KAPPA), -Math.log(KAPPA), rad, Math.sqrt(KAPPA),
                -2 * Math.log(rad), reference().decayPerStepSharp(), 1 - KAPPA);
    }

    /** @return erratum 6: the threshold printed, exact and by bisection on the eigenvalues' kind */
    public static Errata.DiscreteThreshold discreteThreshold() {
        double k9 = KAPPA_09;
        return new Errata.DiscreteThreshold(DiscreteMeanRate.etaThresholdPaper(k9, OMEGA),
                DiscreteMeanRate.etaThresholdExact(k9, OMEGA),
                EigenvalueKindBisection.threshold(1e-8, 1, e -> MeanMapSpectrum.of(e, k9, OMEGA).complex()));
    }

    /** @return erratum 7: K of (4.5) against QP + PQ^T and against the printed QP + Q^T P */
    public static Errata.LyapunovTranspose lyapunovTranspose() {
        ModeRate r = reference();
        Matrix2 p = Matrix2.of(r.lyapunov().p());
        Matrix2 k = Matrix2.of(r.lyapunov().k());
        Matrix2 q = new Matrix2(0, 1, -OMEGA * OMEGA, r.sme().gamma());
        double right = q.times(p).plus(p.times(q.transpose())).minus(k).maxAbs();
        double printed = q.times(p).plus(q.transpose().times(p)).minus(k).maxAbs();
        return new Errata.LyapunovTranspose(right, printed);
    }

    /** @return erratum 8: C1 evaluated from (4.8) and epsilon's scaling in eps0 */
    public static Errata.ConstantC1WithoutEps0 constantC1WithoutEps0() {
        TheoremConstants c = reference().constants();
        double byHand = (11 + 11 * c.c() + 15 * c.cHat()) * c.c2() * c.c2() * Math.max(1, c.c())
                / (c.c() - c.cHat() * c.cHat());
        double e1 = c.epsilon(1e-6);
        double e2 = c.epsilon(2e-6);
        return new Errata.ConstantC1WithoutEps0(c.c1(), byHand, e2 / e1);
    }

    /** @return erratum 9: Var_M(x_1) by Gauss-Hermite quadrature against both constants (omega0 = 0.5, d = 2) */
    public static Errata.PoincareWithoutD poincareWithoutD() {
        double w9 = 0.5;
        double beta = SmeParameters.of(ETA, KAPPA, w9, 1).beta();
        SymmetricGaussIntegrator gh = new GaussIntegratorFactory().hermite(20);
        double var = 2 / (beta * w9 * w9) * gh.integrate(y -> y * y) / gh.integrate(y -> 1);
        return new Errata.PoincareWithoutD(PoincareConstant.printed(beta, w9, 2), PoincareConstant.sharp(beta, w9),
                var);
    }

    /**
     * @param workers m
     * @param meanStaleness the simulated E tau of the queue
     * @return erratum 10: the geometric kappa of that mean and m(1 - kappa)
     */
    public static Errata.QueueModelKappa queueModelKappa(int workers, double meanStaleness) {
        double kq = meanStaleness / (1 + meanStaleness);
        return new Errata.QueueModelKappa(workers, meanStaleness, kq, workers * (1 - kq));
    }

    /** @return erratum 11: 0.1 sin's eps0 and |eps(theta) x| growing with x on the line theta = pi/2 */
    public static Errata.PerturbationUnbounded perturbationUnbounded() {
        SinePerturbation sin = new SinePerturbation(0.1, 1);
        double th = Math.PI / 2;
        return new Errata.PerturbationUnbounded(sin.epsilon0(1), Math.abs(sin.value(th) * 10),
                Math.abs(sin.value(th) * 1e3), Math.abs(sin.value(th) * 1e5));
    }

    /** @return erratum 13: the SME's stationary covariance in (x, v) */
    public static Errata.StationaryVelocitySign stationaryVelocitySign() {
        SmeParameters pa = SmeParameters.of(ETA, KAPPA, OMEGA, 1);
        Matrix2 s = LinearSme.of(pa, OMEGA).stationaryCovariance();
        double w2 = OMEGA * OMEGA;
        double g = pa.gamma();
        double varV = w2 * w2 * s.a() + 2 * w2 * g * s.b() + g * g * s.d(); // v = -omega0^2 Theta - gamma Y
        double covXv = -w2 * s.b() - g * s.d(); // x = Y
        return new Errata.StationaryVelocitySign(varV, 1 / pa.beta(), covXv);
    }

    /**
     * @param sources where the Fokker-Planck gap comes from
     * @return erratum 14: epsilon against muSharp, and the gap without and with 0.2 sin (eta 0.2, kappa 0.9, sigma 3)
     */
    public static Errata.PerturbationBoundVacuous perturbationBoundVacuous(Sources sources) {
        double eta14 = 0.2;
        double sigma14 = 3;
        ModeRate r14 = ModeRate.of(eta14, KAPPA_09, OMEGA, sigma14);
        SinePerturbation sin14 = new SinePerturbation(0.2, 1);
        double eps14 = r14.constants().epsilon(sin14.epsilon0(1));
        // degree 8 holds the unperturbed gap exactly (it lives in the degree-1 block)
        double gap0 = sources.spectralGap(eta14, KAPPA_09, OMEGA, sigma14, NoPerturbation.INSTANCE, 8);
        double gap1 = sources.spectralGap(eta14, KAPPA_09, OMEGA, sigma14, sin14, 32);
        return new Errata.PerturbationBoundVacuous(eps14, r14.muSharp(), gap0, gap1);
    }

    /** @return erratum 15: both stability limits, and the second moment at eta = 1 after 2000 steps */
    public static Errata.SecondMomentStabilityLimit secondMomentStabilityLimit() {
        double k9 = KAPPA_09;
        double etaMean = DiscreteMeanRate.etaMax(k9, OMEGA);
        double etaSecond = ExactMoments.of(new MomentProblem(0.01, new double[] {OMEGA}, new double[] {1},
                new double[] {1}, new double[] {0}, new GeometricStaleness(k9))).secondMomentEtaMax();
        ExactMoments blow = ExactMoments.of(new MomentProblem(1, new double[] {OMEGA}, new double[] {0},
                new double[] {1}, new double[] {0}, new GeometricStaleness(k9)));
        for (int i = 0; i < 2000; i++) {
            blow.step();
        }
        double rad15 = MeanMapSpectrum.of(1, k9, OMEGA).radius();
        return new Errata.SecondMomentStabilityLimit(etaSecond, etaMean, rad15, blow.current().secondMoment(),
                Math.sqrt(k9));
    }
}
