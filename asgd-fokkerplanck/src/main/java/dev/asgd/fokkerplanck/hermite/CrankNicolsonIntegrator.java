package dev.asgd.fokkerplanck.hermite;

import dev.asgd.fokkerplanck.linalg.Gmres;
import dev.asgd.fokkerplanck.linalg.LinearOperator;

/**
 * The trapezoidal rule (Crank-Nicolson) for dh/dt = G h:
 * (I - dt/2 G) h_{n+1} = (I + dt/2 G) h_n. A-stable and second order; its amplification
 * (1 + z/2) / (1 - z/2) reproduces exp(z) to relative O(z^3 / 12) per step, so a decay rate
 * lambda is reproduced to relative (|lambda| dt)^2 / 12. The stiff high-degree modes
 * (|lambda| up to gamma N + omega0 N) are damped, not amplified. For eps = 0 the system is
 * block diagonal by degree and is solved exactly block by block; for eps != 0 GMRES with that
 * block solver as preconditioner solves it to a relative residual of 1e-13.
 */
public final class CrankNicolsonIntegrator {
    private final HermiteGalerkinOperator operator;
    private final double dt;
    private final LinearOperator blocks;
    private final LinearOperator lhs;
    private final Gmres gmres;
    private final double[] rhs;

    /**
     * @param operator the generator G
     * @param dt the time step
     */
    public CrankNicolsonIntegrator(HermiteGalerkinOperator operator, double dt) {
        this.operator = operator;
        this.dt = dt;
        this.blocks = operator.blockSolver(1, dt / 2);
        this.rhs = new double[operator.size()];
        this.lhs = (x, y) -> {
            System.arraycopy(x, 0, y, 0, x.length);
            operator.addApply(x, y, -dt / 2, true);
        };
        this.gmres = new Gmres(40, 4000, 1e-13);
    }

    /** @return the time step */
    public double dt() {
        return dt;
    }

    /**
     * Advances h by one step, in place.
     *
     * @param h the coefficients
     */
    public void step(double[] h) {
        System.arraycopy(h, 0, rhs, 0, h.length);
        operator.addApply(h, rhs, dt / 2, true);
        if (!operator.perturbed()) {
            blocks.apply(rhs, h);
            return;
        }
        gmres.solve(lhs, blocks, rhs, h);
    }
}
