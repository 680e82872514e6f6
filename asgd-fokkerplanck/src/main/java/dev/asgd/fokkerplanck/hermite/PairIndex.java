package dev.asgd.fokkerplanck.hermite;

/**
 * Numbering of the two-variable Hermite functions phi_m(xi) phi_n(eta) of one coordinate's phase
 * space (x_i, v_i), ordered by total degree k = m + n and then by n:
 * index(m, n) = k (k + 1) / 2 + n. The functions of degree &lt;= N are the first
 * (N + 1)(N + 2) / 2 indices, so every truncation is a prefix and Galerkin matrices of a lower
 * degree are leading submatrices.
 */
public final class PairIndex {
    private PairIndex() {
    }

    /**
     * @param degree N
     * @return the number of pairs (m, n) with m + n &lt;= N
     */
    public static int count(int degree) {
        return (degree + 1) * (degree + 2) / 2;
    }

    /**
     * @param m degree in the position variable
     * @param n degree in the velocity variable
     * @return the index of phi_m phi_n
     */
    public static int index(int m, int n) {
        int k = m + n;
        return k * (k + 1) / 2 + n;
    }

    /**
     * @param index a pair index
     * @return its total degree m + n
     */
    public static int degree(int index) {
        int k = (int) Math.floor((Math.sqrt(8.0 * index + 1) - 1) / 2);
        while (k * (k + 1) / 2 > index) {
            k--;
        }
        while ((k + 1) * (k + 2) / 2 <= index) {
            k++;
        }
        return k;
    }

    /**
     * @param index a pair index
     * @return n, the velocity degree
     */
    public static int n(int index) {
        int k = degree(index);
        return index - k * (k + 1) / 2;
    }

    /**
     * @param index a pair index
     * @return m, the position degree
     */
    public static int m(int index) {
        return degree(index) - n(index);
    }
}
