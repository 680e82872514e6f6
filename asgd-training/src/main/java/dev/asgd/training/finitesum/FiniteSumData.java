package dev.asgd.training.finitesum;

import dev.asgd.core.loss.FiniteSumLeastSquares;
import dev.asgd.training.data.Dataset;

/** A data set's rows as the finite sum f = (1/n) sum_gamma (a_gamma . theta - b_gamma)^2 / 2. */
public final class FiniteSumData {
    private FiniteSumData() {
    }

    /**
     * @param data the rows (dense or sparse) and their labels as targets
     * @return the least-squares finite sum on every row (a_gamma the row's features, b_gamma its label)
     */
    public static FiniteSumLeastSquares leastSquares(Dataset data) {
        int n = data.size();
        int d = data.features();
        double[][] a = new double[n][d];
        double[] b = new double[n];
        for (int g = 0; g < n; g++) {
            data.addScaled(g, 1, a[g], 0);
            b[g] = data.label(g);
        }
        return new FiniteSumLeastSquares(a, b);
    }
}
