/**
 * The theory of Zhu and Ying, "A Sharp Convergence Rate for the Asynchronous Stochastic Gradient
 * Descent", computed right: the SME parameter map of section 2, Theorem 3.2's rate as printed
 * (3.6) and sharp (min Re eig Q, (4.7)), the constants and Lyapunov certificate of (4.5)-(4.8),
 * Remark 3.3's thresholds and Remark 3.4's comparison, and the exact discrete-time rates of ASGD
 * on the quadratic (beyond the paper).
 */
package dev.asgd.theory;
