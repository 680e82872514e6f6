package dev.asgd.cli;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.loss.QuadraticLoss;
import dev.asgd.simulation.sde.SdeConfig;
import dev.asgd.simulation.sde.SdeProblem;
import java.util.LinkedHashMap;
import java.util.Map;

/** The shared model flags as the SME's problem, for {@code asgd sme} and {@code asgd compare}. */
final class SmeModel {
    final ModelBuilder builder;
    final SdeProblem problem;
    final double kappa;

    SmeModel(ModelOptions options) {
        this.builder = new ModelBuilder(options);
        this.kappa = builder.theoryKappa();
        if (Double.isNaN(kappa)) {
            throw new InvalidParameterException("staleness", builder.staleness.spec(),
                    "geometric or queue:M (the SME's parameter map needs a staleness rate kappa)");
        }
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

    /** @return the SME's parameters as JSON */
    Map<String, Object> smeJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kappa", kappa);
        m.put("deltaT", problem.deltaT());
        m.put("gamma", problem.gamma());
        m.put("tau", problem.tau());
        m.put("y0", problem.y0());
        m.put("linear", problem.linear());
        return m;
    }
}
