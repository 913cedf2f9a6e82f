package org.endolens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.endolens.data.Box;
import org.junit.jupiter.api.Test;

/** The detection precision-recall curve, one point per distinct score. */
class DetectionCurveTest {
    @Test
    void curvePointsAreRecallAndPrecisionOfThePredictionsAtOrAboveEachScore() {
        Box a = new Box(0, 0, 10, 10, null);
        Box b = new Box(20, 20, 30, 30, null);
        DetectionScores scores = new DetectionScores();
        // Image 1: a hit (0.9) and a false alarm (0.8). Image 2: a hit at 0.8 and a miss of its second box.
        scores.add(List.of(a), List.of(new Detection(a, 0.9), new Detection(b, 0.8)));
        scores.add(List.of(a, b), List.of(new Detection(b, 0.8)));
        List<BinaryScores.Point> curve = scores.precisionRecallCurve(0.5);
        assertEquals(2, curve.size());
        assertEquals(new BinaryScores.Point(1 / 3.0, 1.0, 0.9), curve.get(0));
        assertEquals(2 / 3.0, curve.get(1).x(), 1e-12);
        assertEquals(2 / 3.0, curve.get(1).y(), 1e-12);
        assertEquals(0.8, curve.get(1).threshold());
        DetectionScores.PrecisionRecall at = scores.atThreshold(0.5, 0.8);
        assertEquals(2 * (2 / 3.0) * (2 / 3.0) / (4 / 3.0), at.f1(), 1e-12);
    }
}
