package dev.asgd.theory.moments;

/**
 * The exact moment recursion of one coordinate u_k = theta_k - theta*, theta_{k+1} = theta_k -
 * eta (omega^2 u_{k - tau_k} + sigma xi_k), tau_k i.i.d. and clipped to k. Its second-moment
 * part is an affine map x_{k+1} = A x_k + c on a state vector that contains T_k = E u_k^2; its
 * mean part is a linear map on a state that contains m_k = E u_k.
 */
interface MomentRecursion {
    /** Advances one step. */
    void step();

    /** @return E u_k */
    double mean();

    /** @return E u_k^2 */
    double secondMoment();

    /** @return A, the homogeneous part of the second-moment map (fresh array) */
    double[][] secondMomentMatrix();

    /** @return c, the constant part (the injected noise) */
    double[] secondMomentConstant();

    /** @return the index of T in the second-moment state vector */
    int secondMomentIndex();

    /** @return the mean map (fresh array) */
    double[][] meanMatrix();
}
