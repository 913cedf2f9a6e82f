package org.endolens.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Expected values computed with scikit-learn 1.2 (Debian python3-sklearn) on the same arrays:
 * {@code roc_auc_score}, {@code average_precision_score}, {@code accuracy_score}, {@code balanced_accuracy_score},
 * {@code f1_score/precision_score/recall_score(average='macro'|'weighted'|None)}.
 */
class ClassificationMetricsTest {
    private static final double EPS = 1e-12;

    @Test
    void aurocAndAveragePrecisionMatchScikitLearnWithTies() {
        boolean[] y = {true, false, true, true, false, false, true, false, true, false};
        double[] s = {0.9, 0.8, 0.8, 0.6, 0.55, 0.5, 0.4, 0.3, 0.3, 0.1};
        BinaryScores scores = new BinaryScores(s, y);
        assertEquals(0.68, scores.auroc(), EPS);
        assertEquals(0.7087301587301588, scores.averagePrecision(), EPS);
    }

    @Test
    void aurocIsUndefinedWithOneClass() {
        assertTrue(Double.isNaN(new BinaryScores(new double[] {0.2, 0.4}, new boolean[] {true, true}).auroc()));
    }

    @Test
    void perfectAndInvertedRankings() {
        boolean[] y = {false, false, true, true};
        assertEquals(1.0, new BinaryScores(new double[] {0.1, 0.2, 0.3, 0.4}, y).auroc(), EPS);
        assertEquals(0.0, new BinaryScores(new double[] {0.4, 0.3, 0.2, 0.1}, y).auroc(), EPS);
        assertEquals(0.5, new BinaryScores(new double[] {0.5, 0.5, 0.5, 0.5}, y).auroc(), EPS);
    }

    @Test
    void multiClassMetricsMatchScikitLearn() {
        int[] truth = {0, 1, 2, 2, 1, 0, 2, 2, 1, 0, 0};
        int[] predicted = {0, 2, 2, 1, 1, 0, 2, 0, 1, 1, 0};
        // A fourth class that never occurs must not dilute the macro averages.
        ConfusionMatrix m = ConfusionMatrix.of(truth, predicted, 4);
        assertEquals(0.6363636363636364, m.accuracy(), EPS);
        assertEquals(0.6388888888888888, m.balancedAccuracy(), EPS);
        assertEquals(0.630952380952381, m.macroF1(), EPS);
        assertEquals(0.6363636363636364, m.weightedF1(), EPS);
        assertEquals(0.6388888888888888, m.macroPrecision(), EPS);
        assertEquals(0.6388888888888888, m.macroRecall(), EPS);
        assertEquals(0.75, m.f1(0), EPS);
        assertEquals(0.5714285714285714, m.f1(1), EPS);
        assertEquals(3, m.count(0, 0));
        assertEquals(11, m.total());
    }
}
