package org.endolens.metrics;

import org.endolens.data.Box;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Segmentation, detection, retrieval and bootstrap metrics against values computed by hand (shown inline). */
class DenseMetricsTest {
    private static final double EPS = 1e-12;

    @Test
    void diceAndIouWithTheEmptyMaskConvention() {
        MaskOverlap o = MaskOverlap.of(new boolean[] {true, true, false, false}, new boolean[] {true, false, true, false});
        assertEquals(0.5, o.dice(), EPS); // 2*1 / (2*1 + 1 + 1)
        assertEquals(1.0 / 3, o.iou(), EPS); // 1 / 3
        MaskOverlap bothEmpty = MaskOverlap.of(new boolean[3], new boolean[3]);
        assertEquals(1.0, bothEmpty.dice());
        MaskOverlap falseAlarm = MaskOverlap.of(new boolean[] {true, false}, new boolean[2]);
        assertEquals(0.0, falseAlarm.dice());

        SegmentationScores scores = new SegmentationScores();
        scores.add(o);
        scores.add(bothEmpty);
        scores.add(falseAlarm);
        assertEquals((0.5 + 1 + 0) / 3, scores.meanDice(), EPS);
        assertEquals(2.0 / 5, scores.pooledDice(), EPS); // tp 1, fp 2, fn 1
    }

    @Test
    void detectionApAndF1MatchHandComputedCocoValues() {
        DetectionScores d = new DetectionScores();
        d.add(List.of(box(0, 0, 10, 10)), List.of(new Detection(box(0, 0, 10, 10), 0.9), new Detection(box(20, 20, 30, 30), 0.8)));
        // IoU of (1,1,11,11) with (0,0,10,10) = 81 / 119 = 0.68: a hit at 0.5, a miss at 0.75.
        d.add(List.of(box(0, 0, 10, 10), box(50, 50, 60, 60)), List.of(new Detection(box(1, 1, 11, 11), 0.7)));
        // IoU 0.5: TP, FP, TP over 3 truths -> envelope precision 1 up to recall 1/3, 2/3 up to 2/3:
        // (34 * 1 + 33 * 2/3) / 101 recall points
        assertEquals(56.0 / 101, d.averagePrecision(0.5), EPS);
        assertEquals(34.0 / 101, d.averagePrecision(0.75), EPS);
        DetectionScores.PrecisionRecall pr = d.atThreshold(0.5, 0.75);
        assertEquals(0.5, pr.precision(), EPS);
        assertEquals(1.0 / 3, pr.recall(), EPS);
        assertEquals(0.4, pr.f1(), EPS);
        double map = d.meanAveragePrecision();
        assertTrue(map > 34.0 / 101 && map < 56.0 / 101, "mAP " + map);
    }

    @Test
    void recallAtKAndMrr() {
        float[][] sim = {
            {0.9f, 0.8f, 0.1f, 0.3f},
            {0.2f, 0.9f, 0.8f, 0.7f},
            {0.5f, 0.5f, 0.9f, 0.1f},
        };
        boolean[][] rel = {
            {false, true, false, false},
            {false, false, false, true},
            {false, false, false, false},
        };
        RetrievalScores r = RetrievalScores.of(sim, rel, false);
        assertArrayEquals(new int[] {2, 3, 0}, r.firstRelevantRanks());
        assertEquals(0.0, r.recallAt(1), EPS);
        assertEquals(1.0 / 3, r.recallAt(2), EPS);
        assertEquals(2.0 / 3, r.recallAt(5), EPS);
        assertEquals((0.5 + 1.0 / 3 + 0) / 3, r.meanReciprocalRank(), EPS);
        // Excluding each query's own item (index q): query 0 ranks 1 first now.
        assertArrayEquals(new int[] {1, 2, 0}, RetrievalScores.of(sim, rel, true).firstRelevantRanks());
    }

    @Test
    void bootstrapIsReproducibleAndBracketsTheEstimate() {
        double[] values = {1, 0, 1, 1, 0, 1, 1, 1, 0, 1};
        java.util.function.ToDoubleFunction<int[]> mean = idx -> java.util.Arrays.stream(idx).mapToDouble(i -> values[i]).average().orElse(0);
        Bootstrap.Interval a = Bootstrap.interval(values.length, mean, 500, 0.95, 42);
        Bootstrap.Interval b = Bootstrap.interval(values.length, mean, 500, 0.95, 42);
        assertEquals(a, b);
        assertEquals(0.7, a.estimate(), EPS);
        assertTrue(a.low() < 0.7 && a.high() > 0.7 && a.low() >= 0 && a.high() <= 1, a.toString());
        Bootstrap.Interval constant = Bootstrap.interval(5, idx -> 3.0, 100, 0.95, 1);
        assertEquals(3.0, constant.low());
        assertEquals(3.0, constant.high());
    }

    private static Box box(double x0, double y0, double x1, double y1) {
        return new Box(x0, y0, x1, y1, "polyp");
    }
}
