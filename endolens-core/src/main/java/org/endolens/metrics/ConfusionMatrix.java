package org.endolens.metrics;

import java.util.Arrays;

/**
 * Counts of (true class, predicted class) pairs over {@code classes} classes, and the classification metrics
 * derived from them: accuracy, balanced accuracy, per-class, macro and weighted precision/recall/F1.
 * Conventions follow scikit-learn with {@code zero_division=0}: a ratio whose denominator is 0 counts as 0, and a
 * class absent from both truth and predictions is left out of macro averages.
 */
public final class ConfusionMatrix {
    private final long[][] counts;

    private ConfusionMatrix(long[][] counts) {
        this.counts = counts;
    }

    /** Builds the matrix; labels must lie in {@code [0, classes)}. */
    public static ConfusionMatrix of(int[] truth, int[] predicted, int classes) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " labels but " + predicted.length + " predictions");
        }
        long[][] counts = new long[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
                throw new IllegalArgumentException("label or prediction out of [0, " + classes + ") at index " + i);
            }
            counts[truth[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(counts);
    }

    public int classes() {
        return counts.length;
    }

    /** Count of samples of true class {@code truth} predicted as {@code predicted}. */
    public long count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    public long total() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
    }

    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < counts.length; c++) {
            correct += counts[c][c];
        }
        return ratio(correct, total());
    }

    /** Mean recall over the classes present in the truth (scikit-learn's {@code balanced_accuracy_score}). */
    public double balancedAccuracy() {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < counts.length; c++) {
            if (support(c) > 0) {
                sum += recall(c);
                present++;
            }
        }
        return present == 0 ? 0 : sum / present;
    }

    public double precision(int c) {
        return ratio(counts[c][c], predictedCount(c));
    }

    public double recall(int c) {
        return ratio(counts[c][c], support(c));
    }

    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Number of samples whose true class is {@code c}. */
    public long support(int c) {
        return Arrays.stream(counts[c]).sum();
    }

    private long predictedCount(int c) {
        long n = 0;
        for (long[] row : counts) {
            n += row[c];
        }
        return n;
    }

    /** Unweighted mean of per-class F1 over classes seen in truth or predictions. */
    public double macroF1() {
        return macro(this::f1);
    }

    public double macroPrecision() {
        return macro(this::precision);
    }

    public double macroRecall() {
        return macro(this::recall);
    }

    /** Per-class F1 weighted by support. */
    public double weightedF1() {
        double sum = 0;
        for (int c = 0; c < counts.length; c++) {
            sum += f1(c) * support(c);
        }
        return ratio(sum, total());
    }

    private double macro(java.util.function.IntToDoubleFunction metric) {
        double sum = 0;
        int seen = 0;
        for (int c = 0; c < counts.length; c++) {
            if (support(c) > 0 || predictedCount(c) > 0) {
                sum += metric.applyAsDouble(c);
                seen++;
            }
        }
        return seen == 0 ? 0 : sum / seen;
    }

    /** A copy of the counts, rows = truth, columns = prediction. */
    public long[][] toArray() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0 : numerator / denominator;
    }
}
