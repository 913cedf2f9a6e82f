package org.endolens.metrics;

import org.endolens.data.Box;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Single-class object detection metrics over a data set: precision, recall and F1 at an IoU threshold and a
 * score threshold, and COCO-style average precision (101-point interpolated) at one IoU or averaged over
 * IoU 0.50:0.05:0.95 (mAP). Matching is COCO's: predictions in descending score order each take the unmatched
 * ground-truth box of the same image with the highest IoU above the threshold.
 */
public final class DetectionScores {
    private static final double[] COCO_IOUS = {0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95};

    private final List<List<Box>> truths = new ArrayList<>();
    private final List<List<Detection>> predictions = new ArrayList<>();

    /** Adds one image's ground-truth boxes and predictions. */
    public void add(List<Box> truth, List<Detection> predicted) {
        truths.add(List.copyOf(truth));
        predictions.add(List.copyOf(predicted));
    }

    private record Scored(int image, Detection detection) {}

    /** Outcome of matching at one IoU threshold, predictions in descending score order. */
    private record Matches(double[] scores, boolean[] truePositive, long groundTruth) {}

    private Matches match(double iouThreshold) {
        List<Scored> all = new ArrayList<>();
        for (int i = 0; i < predictions.size(); i++) {
            for (Detection d : predictions.get(i)) {
                all.add(new Scored(i, d));
            }
        }
        all.sort(Comparator.comparingDouble((Scored s) -> s.detection().score()).reversed());
        List<boolean[]> used = new ArrayList<>();
        long groundTruth = 0;
        for (List<Box> t : truths) {
            used.add(new boolean[t.size()]);
            groundTruth += t.size();
        }
        double[] scores = new double[all.size()];
        boolean[] tp = new boolean[all.size()];
        for (int k = 0; k < all.size(); k++) {
            Scored s = all.get(k);
            scores[k] = s.detection().score();
            List<Box> truth = truths.get(s.image());
            int best = -1;
            double bestIou = iouThreshold;
            for (int g = 0; g < truth.size(); g++) {
                double iou = Detection.iou(s.detection().box(), truth.get(g));
                if (!used.get(s.image())[g] && iou >= bestIou) {
                    best = g;
                    bestIou = iou;
                }
            }
            if (best >= 0) {
                used.get(s.image())[best] = true;
                tp[k] = true;
            }
        }
        return new Matches(scores, tp, groundTruth);
    }

    /** Precision, recall and F1 of the predictions scoring at least {@code minScore}, matched at {@code iou}. */
    public PrecisionRecall atThreshold(double iou, double minScore) {
        Matches m = match(iou);
        long tp = 0;
        long fp = 0;
        for (int k = 0; k < m.scores().length; k++) {
            if (m.scores()[k] >= minScore) {
                if (m.truePositive()[k]) {
                    tp++;
                } else {
                    fp++;
                }
            }
        }
        return PrecisionRecall.of(tp, fp, m.groundTruth() - tp);
    }

    /**
     * The precision-recall curve at {@code iou}: one point (x = recall, y = precision, threshold = score) per distinct
     * score, for the predictions scoring at least that score, in descending score order. Empty without predictions.
     */
    public List<BinaryScores.Point> precisionRecallCurve(double iou) {
        Matches m = match(iou);
        List<BinaryScores.Point> curve = new ArrayList<>();
        long tp = 0;
        int n = m.scores().length;
        for (int k = 0; k < n; k++) {
            tp += m.truePositive()[k] ? 1 : 0;
            if (k == n - 1 || m.scores()[k + 1] != m.scores()[k]) {
                double recall = m.groundTruth() == 0 ? 0 : (double) tp / m.groundTruth();
                curve.add(new BinaryScores.Point(recall, (double) tp / (k + 1), m.scores()[k]));
            }
        }
        return curve;
    }

    /** COCO average precision at one IoU threshold; NaN when there is no ground truth. */
    public double averagePrecision(double iou) {
        Matches m = match(iou);
        if (m.groundTruth() == 0) {
            return Double.NaN;
        }
        int n = m.scores().length;
        double[] precision = new double[n];
        double[] recall = new double[n];
        long tp = 0;
        for (int k = 0; k < n; k++) {
            tp += m.truePositive()[k] ? 1 : 0;
            precision[k] = (double) tp / (k + 1);
            recall[k] = (double) tp / m.groundTruth();
        }
        // Precision envelope: the best precision at any recall at least as high.
        for (int k = n - 2; k >= 0; k--) {
            precision[k] = Math.max(precision[k], precision[k + 1]);
        }
        double sum = 0;
        int j = 0;
        for (int r = 0; r <= 100; r++) {
            double target = r / 100.0;
            while (j < n && recall[j] < target) {
                j++;
            }
            sum += j < n ? precision[j] : 0;
        }
        return sum / 101;
    }

    /** COCO mAP@[.5:.95]. */
    public double meanAveragePrecision() {
        double sum = 0;
        for (double iou : COCO_IOUS) {
            sum += averagePrecision(iou);
        }
        return sum / COCO_IOUS.length;
    }

    /** Precision, recall and F1 from counts (0 when a denominator is 0). */
    public record PrecisionRecall(long truePositive, long falsePositive, long falseNegative,
            double precision, double recall, double f1) {
        static PrecisionRecall of(long tp, long fp, long fn) {
            double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            return new PrecisionRecall(tp, fp, fn, p, r, f);
        }
    }
}
