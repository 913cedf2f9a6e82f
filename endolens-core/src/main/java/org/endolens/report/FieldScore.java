package org.endolens.report;

/**
 * True positives, false positives and false negatives of one attribute field over an evaluation, with the derived
 * precision, recall and F1 (see {@link AttributeEvaluation} for how each is counted).
 */
public record FieldScore(String field, int truePositives, int falsePositives, int falseNegatives) {

    /** TP / (TP + FP); 1 when nothing was predicted. */
    public double precision() {
        int predicted = truePositives + falsePositives;
        return predicted == 0 ? 1.0 : (double) truePositives / predicted;
    }

    /** TP / (TP + FN); 1 when the gold has nothing to find. */
    public double recall() {
        int relevant = truePositives + falseNegatives;
        return relevant == 0 ? 1.0 : (double) truePositives / relevant;
    }

    /** Harmonic mean of precision and recall; 0 when both are 0. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    FieldScore plus(int tp, int fp, int fn) {
        return new FieldScore(field, truePositives + tp, falsePositives + fp, falseNegatives + fn);
    }
}
