package dev.asgd.training.predict;

import dev.asgd.theory.sampled.SampledRates;

/**
 * The run's own staleness law as an i.i.d. law, with the sampled minibatch noise of the actual
 * data and batch: the exact mean and mean-square contractions per update and their stability
 * edges. The expected excess loss decays like the mean-square contraction: decay = -ln rho_ms.
 *
 * @param law the law (the measured histogram, capped)
 * @param meanContraction the mean's spectral radius at the run's eta
 * @param meanSquareContraction the second moment's spectral radius at the run's eta
 * @param decay -ln(meanSquareContraction) per update
 * @param meanEdge the eta at which the mean becomes unstable
 * @param meanSquareEdge the eta at which the second moment becomes unstable (the loss diverges)
 */
public record MeasuredLawModel(StalenessLaw law, double meanContraction, double meanSquareContraction, double decay,
        double meanEdge, double meanSquareEdge) {
    /**
     * @param theory the theory of the run's problem, data and batch
     * @param law the measured law
     * @param eta the learning rate
     * @return the model's numbers
     */
    public static MeasuredLawModel of(LocalQuadraticTheory theory, StalenessLaw law, double eta) {
        SampledRates r = theory.rates(law);
        double ms = r.meanSquareContraction(eta);
        return new MeasuredLawModel(law, r.meanContraction(eta), ms, -Math.log(ms), r.meanEdge(), r.meanSquareEdge());
    }
}
