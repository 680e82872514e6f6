package dev.asgd.training.run;

import dev.asgd.training.engine.CounterfactualReplay;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.predict.RunTheory;
import dev.asgd.training.staleness.TheoryComparison;
import java.util.List;
import java.util.Objects;

/**
 * A finished training run and the theory set beside it.
 *
 * @param result the run: its metrics, staleness, fitted geometric law, schedule and timing
 * @param theory the measured-law theory of the run, or null when it does not apply or was not asked
 * @param geometricOnly the paper's geometric law with the fitted kappa, when the measured-law
 *     theory does not apply (or only it was asked), else null
 * @param theoryNote why the measured-law theory does not apply, or null
 * @param whatIf the run's interleaving replayed at other learning rates, or null
 */
public record TrainingRunResult(RunResult result, RunTheory theory, TheoryComparison geometricOnly, String theoryNote,
        List<CounterfactualReplay.Outcome> whatIf) {
    /** Validates and copies. */
    public TrainingRunResult {
        Objects.requireNonNull(result, "result");
        whatIf = whatIf == null ? null : List.copyOf(whatIf);
    }

    /** @return f* of the evaluation rows from whichever theory was computed, else NaN */
    public double lossStar() {
        return theory != null ? theory.lossStar() : geometricOnly != null ? geometricOnly.lossStar() : Double.NaN;
    }

    /**
     * @return the geometric comparison's measured decay per update times the run's updates per
     *     second (NaN without a geometric comparison)
     */
    public double measuredDecayPerSecond() {
        return geometricOnly == null ? Double.NaN : geometricOnly.measuredDecayPerUpdate() * result.updatesPerSecond();
    }
}
