package dev.asgd.cli;

import dev.asgd.core.loss.QuadraticLoss;
import dev.asgd.simulation.sde.SdeConfig;
import dev.asgd.simulation.sde.SdeProblem;

/** The shared model flags as the SME's problem, for {@code asgd sme} and {@code asgd compare}. */
final class SmeModel {
    final ModelBuilder builder;
    final SdeProblem problem;
    final double kappa;

    SmeModel(ModelOptions options) {
        this.builder = new ModelBuilder(options);
        this.kappa = builder.theoryKappa("the SME's parameter map needs a staleness rate kappa");
        this.problem = new SdeProblem(new QuadraticLoss(builder.omega0, new double[builder.d], builder.perturbation),
                options.eta, kappa, builder.sigma, builder.theta0);
    }

    /**
     * @param dt the requested SME step, or null for deltaT
     * @return SME steps per ASGD step
     */
    int substeps(Double dt) {
        return dt == null ? 1 : SdeConfig.substepsFor(dt, problem.deltaT());
    }
}
