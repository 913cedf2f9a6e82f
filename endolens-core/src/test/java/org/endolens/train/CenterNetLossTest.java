package org.endolens.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.endolens.nn.CenterNetMaps;
import org.junit.jupiter.api.Test;

/** CenterNet's focal heatmap loss and masked L1 against values worked out by hand. */
class CenterNetLossTest {
    @Test
    void focalLossOfACentreAPenalisedNeighbourAndBackground() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // Logits 0, 0, ln 3 -> p = 0.5, 0.5, 0.75; targets 1 (centre), 0.5 (near it), 0 (background).
            NDArray logits = manager.create(new float[] {0, 0, (float) Math.log(3)}, new Shape(1, 1, 1, 3));
            NDArray target = manager.create(new float[] {1, 0.5f, 0}, new Shape(1, 1, 1, 3));
            double centre = Math.pow(1 - 0.5, 2) * Math.log(0.5);                    // (1-p)^2 log p
            double near = Math.pow(1 - 0.5, 4) * Math.pow(0.5, 2) * Math.log(1 - 0.5); // (1-y)^4 p^2 log(1-p)
            double background = Math.pow(0.75, 2) * Math.log(1 - 0.75);               // p^2 log(1-p)
            double expected = -(centre + near + background) / 1;                       // one centre: 0.963907
            assertEquals(0.963907, expected, 1e-6);
            assertEquals(expected, new HeatmapFocalLoss().apply(logits, target).getFloat(), 1e-5);
        }
    }

    @Test
    void focalLossWithoutCentresIsNotDividedAndSaturatedLogitsStayFinite() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.create(new float[] {0, 0}, new Shape(1, 1, 1, 2));
            NDArray target = manager.zeros(new Shape(1, 1, 1, 2));
            assertEquals(-2 * 0.25 * Math.log(0.5), new HeatmapFocalLoss().apply(logits, target).getFloat(), 1e-6);
            // A confident wrong background logit is clamped at p = 1 - 1e-4, as CenterNet's _sigmoid: finite loss.
            NDArray wrong = manager.create(new float[] {100}, new Shape(1, 1, 1, 1));
            double clamped = -Math.pow(1 - 1e-4, 2) * Math.log(1e-4);
            assertEquals(clamped, new HeatmapFocalLoss().apply(wrong, manager.zeros(new Shape(1, 1, 1, 1))).getFloat(), 1e-3);
        }
    }

    @Test
    void sizeAndOffsetAreReadAtCentresOnlyAndWeighted() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // One centre at cell 0: |1 - 2| + |3 - 1| = 3 over 2 components -> 1.5 (less the 1e-4 guard).
            NDArray predicted = manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 2, 1, 2));
            NDArray target = manager.create(new float[] {2, 0, 1, 0}, new Shape(1, 2, 1, 2));
            NDArray centres = manager.create(new float[] {1, 0}, new Shape(1, 1, 1, 2));
            assertEquals(3 / (2 + 1e-4), CenterNetLoss.maskedL1(predicted, target, centres).getFloat(), 1e-6);
            NDArray heatLogits = manager.zeros(new Shape(1, 1, 1, 2));
            NDArray heat = manager.create(new float[] {1, 0}, new Shape(1, 1, 1, 2));
            CenterNetLoss.Terms terms = new CenterNetLoss().apply(new CenterNetMaps(heatLogits, predicted, predicted),
                    heat, target, target, centres);
            double focal = -(0.25 * Math.log(0.5) + 0.25 * Math.log(0.5));
            assertEquals(focal, terms.heatmap().getFloat(), 1e-6);
            assertEquals(focal + 0.1 * 1.5 + 1.0 * 1.5, terms.total().getFloat(), 1e-3);
        }
    }
}
