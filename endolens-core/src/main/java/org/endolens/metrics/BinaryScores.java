package org.endolens.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Threshold-free metrics of scores for a binary task: ROC curve and its area (AUROC, ties counted as half, as
 * scikit-learn's {@code roc_auc_score}), and average precision (AUPRC as scikit-learn's
 * {@code average_precision_score}: sum over thresholds of (R_n - R_{n-1}) P_n, no interpolation).
 */
public final class BinaryScores {
    private final double[] scores;
    private final boolean[] positive;
    private final int positives;

    /** One point of a curve. */
    public record Point(double x, double y, double threshold) {}

    public BinaryScores(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + positive.length + " labels");
        }
        this.scores = scores.clone();
        this.positive = positive.clone();
        int p = 0;
        for (boolean b : positive) {
            p += b ? 1 : 0;
        }
        this.positives = p;
    }

    public int positives() {
        return positives;
    }

    public int negatives() {
        return scores.length - positives;
    }

    /** Area under the ROC curve; NaN when one class is absent (it is undefined then). */
    public double auroc() {
        if (positives == 0 || negatives() == 0) {
            return Double.NaN;
        }
        List<Point> roc = roc();
        double area = 0;
        for (int i = 1; i < roc.size(); i++) {
            area += (roc.get(i).x() - roc.get(i - 1).x()) * (roc.get(i).y() + roc.get(i - 1).y()) / 2;
        }
        return area;
    }

    /** ROC points (FPR, TPR) from (0, 0) to (1, 1), one per distinct score, highest threshold first. */
    public List<Point> roc() {
        List<Point> points = new ArrayList<>();
        points.add(new Point(0, 0, Double.POSITIVE_INFINITY));
        forEachThreshold((tp, fp, threshold) ->
                points.add(new Point(ratio(fp, negatives()), ratio(tp, positives), threshold)));
        return points;
    }

    /** Precision-recall points (recall, precision), one per distinct score, highest threshold first. */
    public List<Point> precisionRecall() {
        List<Point> points = new ArrayList<>();
        forEachThreshold((tp, fp, threshold) -> points.add(new Point(ratio(tp, positives), ratio(tp, tp + fp), threshold)));
        return points;
    }

    /** Counts at one threshold: samples scoring at least it that are positive ({@code tp}) and negative ({@code fp}). */
    @FunctionalInterface
    private interface ThresholdCounts {
        void accept(long tp, long fp, double threshold);
    }

    /** Walks the distinct scores from the highest down, reporting cumulative counts after each tie group. */
    private void forEachThreshold(ThresholdCounts sink) {
        int[] order = descendingOrder();
        long tp = 0;
        long fp = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (positive[i]) {
                tp++;
            } else {
                fp++;
            }
            boolean lastOfTie = k == order.length - 1 || scores[order[k + 1]] != scores[i];
            if (lastOfTie) {
                sink.accept(tp, fp, scores[i]);
            }
        }
    }

    /** Average precision; NaN without positives. */
    public double averagePrecision() {
        if (positives == 0) {
            return Double.NaN;
        }
        double ap = 0;
        double previousRecall = 0;
        for (Point p : precisionRecall()) {
            ap += (p.x() - previousRecall) * p.y();
            previousRecall = p.x();
        }
        return ap;
    }

    private int[] descendingOrder() {
        Integer[] boxed = new Integer[scores.length];
        Arrays.setAll(boxed, i -> i);
        Arrays.sort(boxed, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }
}
