package org.endolens.cleanse;

/**
 * Weighted, L2-penalised binary logistic regression fitted by Newton's method (iteratively reweighted least squares),
 * for a handful of features: exact, deterministic and fast without an optimiser to tune. The bias is not penalised.
 */
final class LogisticRegression {
    private static final int MAX_ITERATIONS = 100;
    /** Newton's method converges quadratically; stop once no coefficient moves by more than this. */
    private static final double TOLERANCE = 1e-9;
    /** Keeps the bias row of the Hessian positive when every prediction is saturated. */
    private static final double BIAS_RIDGE = 1e-9;
    private static final int MAX_HALVINGS = 30;

    private LogisticRegression() {}

    /**
     * Coefficients {@code [bias, w_1, ..., w_d]} minimising
     * {@code Σ_i s_i · logloss(y_i, σ(bias + w·x_i)) + l2/2 · |w|²}.
     *
     * @param x one row of {@code d} inputs per example
     * @param y the label of each example
     * @param sampleWeight the weight {@code s_i} of each example
     * @param l2 penalty on the weights (not the bias); positive keeps separable data finite
     */
    static double[] fit(double[][] x, boolean[] y, double[] sampleWeight, double l2) {
        int d = x[0].length + 1;
        double[] beta = new double[d];
        double loss = loss(x, y, sampleWeight, l2, beta);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int i = 0; i < x.length; i++) {
                double p = sigmoid(linear(beta, x[i]));
                double residual = sampleWeight[i] * (p - (y[i] ? 1 : 0));
                double curvature = sampleWeight[i] * p * (1 - p);
                for (int a = 0; a < d; a++) {
                    double xa = a == 0 ? 1 : x[i][a - 1];
                    gradient[a] += residual * xa;
                    for (int b = 0; b <= a; b++) {
                        hessian[a][b] += curvature * xa * (b == 0 ? 1 : x[i][b - 1]);
                    }
                }
            }
            hessian[0][0] += BIAS_RIDGE;
            for (int a = 1; a < d; a++) {
                gradient[a] += l2 * beta[a];
                hessian[a][a] += l2;
            }
            double[] step = choleskySolve(hessian, gradient);
            // Newton's step, halved until the loss does not grow (it rarely needs to be).
            double scale = 1;
            double[] next = new double[d];
            double nextLoss = Double.POSITIVE_INFINITY;
            for (int halving = 0; halving <= MAX_HALVINGS && !(nextLoss <= loss); halving++, scale /= 2) {
                for (int a = 0; a < d; a++) {
                    next[a] = beta[a] - scale * step[a];
                }
                nextLoss = loss(x, y, sampleWeight, l2, next);
            }
            if (!(nextLoss <= loss)) {
                break;
            }
            double largestMove = 0;
            for (int a = 0; a < d; a++) {
                largestMove = Math.max(largestMove, Math.abs(next[a] - beta[a]));
            }
            beta = next;
            loss = nextLoss;
            if (largestMove < TOLERANCE) {
                break;
            }
        }
        return beta;
    }

    static double sigmoid(double t) {
        return 1 / (1 + Math.exp(-t));
    }

    private static double linear(double[] beta, double[] row) {
        double t = beta[0];
        for (int a = 0; a < row.length; a++) {
            t += beta[a + 1] * row[a];
        }
        return t;
    }

    private static double loss(double[][] x, boolean[] y, double[] sampleWeight, double l2, double[] beta) {
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double t = linear(beta, x[i]);
            // log(1 + e^-t) for a positive example, log(1 + e^t) for a negative one, without overflow.
            double signed = y[i] ? -t : t;
            total += sampleWeight[i] * (Math.max(signed, 0) + Math.log1p(Math.exp(-Math.abs(signed))));
        }
        for (int a = 1; a < beta.length; a++) {
            total += 0.5 * l2 * beta[a] * beta[a];
        }
        return total;
    }

    /** Solves {@code A z = b} for a symmetric positive-definite {@code A} given by its lower triangle. */
    private static double[] choleskySolve(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(sum, Double.MIN_NORMAL)) : sum / l[j][j];
            }
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * z[k];
            }
            z[i] = sum / l[i][i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * z[k];
            }
            z[i] = sum / l[i][i];
        }
        return z;
    }
}
