package dev.asgd.fokkerplanck.hermite;

import dev.asgd.fokkerplanck.linalg.DenseLu;
import dev.asgd.fokkerplanck.linalg.LinearOperator;

/**
 * The Galerkin matrix of the generator G = -T + L + R of (3.2) on the truncated tensor Hermite
 * basis ({@link HermiteBasis}): G = sum over coordinates c of (G0_c + R_c) acting on the c-th pair
 * index, since T, L and the coordinate-wise eps act coordinate by coordinate. The truncated
 * operator is the Galerkin projection P_N G P_N; because every pair operator's truncation is a
 * leading submatrix, it is applied fiber by fiber without assembling it.
 *
 * <p>Coefficients are those of h = g / M (or of a fluctuation (g - F) / M): the coefficient of the
 * constant function is the mass, and ||h||_* is the Euclidean norm of the coefficient vector.
 */
public final class HermiteGalerkinOperator implements LinearOperator {
    private final HermiteBasis basis;
    private final CoordinateOperator[] coordinates;
    private final double[] scratch;

    /**
     * @param basis the truncated basis
     * @param coordinates one operator per coordinate, each of the basis' degree
     */
    public HermiteGalerkinOperator(HermiteBasis basis, CoordinateOperator[] coordinates) {
        this.basis = basis;
        this.coordinates = coordinates.clone();
        int k1 = PairIndex.count(basis.degree());
        this.scratch = new double[k1];
    }

    /** @return the basis */
    public HermiteBasis basis() {
        return basis;
    }

    /** @return the number of unknowns */
    public int size() {
        return basis.size();
    }

    /**
     * @param c a coordinate
     * @return its pair operator
     */
    public CoordinateOperator coordinate(int c) {
        return coordinates[c];
    }

    /** @return whether any coordinate carries the perturbation R */
    public boolean perturbed() {
        for (CoordinateOperator c : coordinates) {
            if (c.perturbed()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void apply(double[] x, double[] y) {
        java.util.Arrays.fill(y, 0);
        addApply(x, y, 1, true);
    }

    /**
     * y += alpha G x (or alpha G0 x without the perturbation).
     *
     * @param x input
     * @param y accumulated output
     * @param alpha factor
     * @param withPerturbation whether to include R
     */
    public void addApply(double[] x, double[] y, double alpha, boolean withPerturbation) {
        for (int c = 0; c < coordinates.length; c++) {
            CoordinateOperator op = coordinates[c];
            for (int[] fiber : basis.fibers(c)) {
                op.addG0(x, y, fiber, fiber.length, alpha);
                if (withPerturbation) {
                    op.addR(x, y, fiber, fiber.length, alpha, scratch);
                }
            }
        }
    }

    /**
     * @param b a block number
     * @return the dense matrix of G0 on block b (G0 maps the block to itself)
     */
    public double[][] blockMatrix(int b) {
        int[] idx = basis.block(b);
        int n = idx.length;
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < coordinates.length; c++) {
                    if (sameOtherPairs(idx[i], idx[j], c)) {
                        s += coordinates[c].g0(basis.pair(c, idx[i]), basis.pair(c, idx[j]));
                    }
                }
                m[i][j] = s;
            }
        }
        return m;
    }

    private boolean sameOtherPairs(int g1, int g2, int coordinate) {
        for (int c = 0; c < coordinates.length; c++) {
            if (c != coordinate && basis.pair(c, g1) != basis.pair(c, g2)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The block-diagonal solver y = (alpha I - c G0)^-1 x, exact for eps = 0 and the preconditioner
     * for eps != 0. With alpha = 0 the degree-0 block (where G0 vanishes) is taken as the identity,
     * which pins the mass in the steady-state solve.
     *
     * @param alpha the identity's factor
     * @param c G0's factor
     * @return the solver
     */
    public LinearOperator blockSolver(double alpha, double c) {
        int nb = basis.blockCount();
        DenseLu[] lus = new DenseLu[nb];
        for (int b = 0; b < nb; b++) {
            double[][] m = blockMatrix(b);
            for (int i = 0; i < m.length; i++) {
                for (int j = 0; j < m.length; j++) {
                    m[i][j] = -c * m[i][j] + (i == j ? alpha : 0);
                }
            }
            if (basis.blockTotalDegree(b) == 0 && alpha == 0) {
                m[0][0] = 1;
            }
            lus[b] = new DenseLu(m);
        }
        int maxBlock = 0;
        for (int b = 0; b < nb; b++) {
            maxBlock = Math.max(maxBlock, basis.block(b).length);
        }
        int workLength = maxBlock;
        return (x, y) -> {
            double[] w = new double[workLength];
            for (int b = 0; b < nb; b++) {
                int[] idx = basis.block(b);
                for (int i = 0; i < idx.length; i++) {
                    w[i] = x[idx[i]];
                }
                lus[b].solveInPlace(w);
                for (int i = 0; i < idx.length; i++) {
                    y[idx[i]] = w[i];
                }
            }
        };
    }
}
