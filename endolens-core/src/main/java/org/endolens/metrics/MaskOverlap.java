package org.endolens.metrics;

/**
 * Pixel counts of one predicted mask against its ground truth, and Dice and IoU from them. Convention: when
 * both masks are empty the prediction is perfect (Dice = IoU = 1), as in the Kvasir-SEG / MONAI
 * {@code ignore_empty=False} reading; an empty truth with a non-empty prediction scores 0.
 */
public record MaskOverlap(long truePositive, long falsePositive, long falseNegative) {
    public MaskOverlap {
        if (truePositive < 0 || falsePositive < 0 || falseNegative < 0) {
            throw new IllegalArgumentException("pixel counts must be >= 0");
        }
    }

    /** Compares two equally sized binary masks. */
    public static MaskOverlap of(boolean[] predicted, boolean[] truth) {
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException("mask sizes differ: " + predicted.length + " vs " + truth.length);
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i] && truth[i]) {
                tp++;
            } else if (predicted[i]) {
                fp++;
            } else if (truth[i]) {
                fn++;
            }
        }
        return new MaskOverlap(tp, fp, fn);
    }

    public double dice() {
        long denominator = 2 * truePositive + falsePositive + falseNegative;
        return denominator == 0 ? 1.0 : 2.0 * truePositive / denominator;
    }

    public double iou() {
        long union = truePositive + falsePositive + falseNegative;
        return union == 0 ? 1.0 : (double) truePositive / union;
    }

    public MaskOverlap plus(MaskOverlap other) {
        return new MaskOverlap(truePositive + other.truePositive, falsePositive + other.falsePositive,
                falseNegative + other.falseNegative);
    }
}
