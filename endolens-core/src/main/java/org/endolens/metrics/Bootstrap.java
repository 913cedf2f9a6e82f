package org.endolens.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap confidence intervals (Efron & Tibshirani 1993): resample the evaluation set with
 * replacement, recompute the metric, take the empirical quantiles. Seeded, so an interval is reproducible.
 */
public final class Bootstrap {
    public static final int DEFAULT_RESAMPLES = 1000;

    private Bootstrap() {}

    /** A point estimate with its interval. */
    public record Interval(double estimate, double low, double high, double level) {}

    /**
     * The {@code level} interval of {@code metric} over {@code n} samples; the metric receives the indices of a
     * resample (with repeats). Resamples on which the metric is NaN (e.g. AUROC with one class) are discarded.
     */
    public static Interval interval(int n, ToDoubleFunction<int[]> metric, int resamples, double level, long seed) {
        if (n <= 0) {
            throw new IllegalArgumentException("bootstrap needs at least one sample");
        }
        int[] identity = new int[n];
        Arrays.setAll(identity, i -> i);
        double estimate = metric.applyAsDouble(identity);
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[resamples];
        int kept = 0;
        int[] indices = new int[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                indices[i] = random.nextInt(n);
            }
            double v = metric.applyAsDouble(indices);
            if (!Double.isNaN(v)) {
                values[kept++] = v;
            }
        }
        if (kept == 0) {
            return new Interval(estimate, Double.NaN, Double.NaN, level);
        }
        double[] sorted = Arrays.copyOf(values, kept);
        Arrays.sort(sorted);
        double alpha = (1 - level) / 2;
        return new Interval(estimate, quantile(sorted, alpha), quantile(sorted, 1 - alpha), level);
    }

    /** Linear-interpolated quantile of sorted values (NumPy's default method). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
