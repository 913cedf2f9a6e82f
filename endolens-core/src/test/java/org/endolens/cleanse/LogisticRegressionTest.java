package org.endolens.cleanse;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Newton's method for the penalised logistic regression: it reaches the optimum, also on separable data. */
class LogisticRegressionTest {
    private static final double L2 = 0.5;

    @Test
    void fitZeroesTheGradientOfThePenalisedLoss() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 200;
        double[][] x = new double[n][3];
        boolean[] y = new boolean[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = random.nextGaussian();
            }
            double logit = 0.3 + 1.5 * x[i][0] - 2 * x[i][1];
            y[i] = random.nextDouble() < LogisticRegression.sigmoid(logit);
            weight[i] = y[i] ? 1.5 : 0.75;
        }
        double[] beta = LogisticRegression.fit(x, y, weight, L2);
        double[] gradient = gradient(x, y, weight, beta);
        for (double g : gradient) {
            assertEquals(0, g, 1e-7);
        }
        assertTrue(beta[1] > 0.8 && beta[2] < -1.2 && Math.abs(beta[3]) < 0.5, Arrays.toString(beta));
    }

    @Test
    void separableDataGivesFiniteWeights() {
        double[][] x = {{-2}, {-1}, {1}, {2}};
        boolean[] y = {false, false, true, true};
        double[] beta = LogisticRegression.fit(x, y, new double[] {1, 1, 1, 1}, L2);
        assertTrue(Double.isFinite(beta[1]) && beta[1] > 0, "weight " + beta[1]);
        assertEquals(0, gradient(x, y, new double[] {1, 1, 1, 1}, beta)[1], 1e-7);
    }

    private static double[] gradient(double[][] x, boolean[] y, double[] weight, double[] beta) {
        double[] g = new double[beta.length];
        for (int i = 0; i < x.length; i++) {
            double t = beta[0];
            for (int j = 0; j < x[i].length; j++) {
                t += beta[j + 1] * x[i][j];
            }
            double residual = weight[i] * (LogisticRegression.sigmoid(t) - (y[i] ? 1 : 0));
            g[0] += residual;
            for (int j = 0; j < x[i].length; j++) {
                g[j + 1] += residual * x[i][j];
            }
        }
        for (int j = 1; j < beta.length; j++) {
            g[j] += L2 * beta[j];
        }
        return g;
    }
}
