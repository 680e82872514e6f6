package dev.asgd.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.asgd.simulation.sde.SchemeKind;
import dev.asgd.simulation.sde.SdeProblem;

/**
 * The SME's parameters (the {@code sme} object of {@code asgd sme} and {@code asgd compare}).
 *
 * @param kappa the staleness rate of the parameter map
 * @param deltaT SME time per ASGD step
 * @param gamma friction
 * @param tau noise amplitude per coordinate
 * @param y0 the initial velocity per coordinate
 * @param linear whether the SME is linear (unperturbed)
 * @param schemeWeakOrder the scheme's weak order ({@code asgd sme} only)
 * @param source how the SME's series was obtained ({@code asgd compare} only)
 */
public record SmeSection(double kappa, double deltaT, double gamma, double[] tau, double[] y0, boolean linear,
        @JsonInclude(JsonInclude.Include.NON_NULL) WeakOrder schemeWeakOrder,
        @JsonInclude(JsonInclude.Include.NON_NULL) String source) {

    /**
     * @param kappa the staleness rate
     * @param p the SME
     * @param scheme the ensemble's scheme
     * @return the section of {@code asgd sme}
     */
    public static SmeSection ofScheme(double kappa, SdeProblem p, SchemeKind scheme) {
        return new SmeSection(kappa, p.deltaT(), p.gamma(), p.tau(), p.y0(), p.linear(),
                new WeakOrder(scheme.weakOrder()), null);
    }

    /**
     * @param kappa the staleness rate
     * @param p the SME
     * @param source how the series was obtained
     * @return the section of {@code asgd compare}
     */
    public static SmeSection ofSource(double kappa, SdeProblem p, String source) {
        return new SmeSection(kappa, p.deltaT(), p.gamma(), p.tau(), p.y0(), p.linear(), null, source);
    }

    /**
     * A scheme's weak order: a number, or {@code "exact"} for exact sampling.
     *
     * @param order the order, {@link Integer#MAX_VALUE} for exact
     */
    public record WeakOrder(int order) {
        /** @return the JSON value: the order, or the string {@code exact} */
        @JsonValue
        public Object json() {
            return order == Integer.MAX_VALUE ? "exact" : Integer.valueOf(order);
        }
    }
}
