package org.endolens.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** Dice + BCE against values worked out by hand. */
class DiceBceLossTest {
    @Test
    void zeroLogitsOnAHalfForegroundImage() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.zeros(new Shape(1, 1, 2, 2));
            NDArray target = manager.create(new float[] {1, 1, 0, 0}, new Shape(1, 1, 2, 2));
            // BCE: log 2 per pixel. Dice with p = 0.5: (2 * 1 + 1) / (2 + 2 + 1) = 0.6, loss 0.4.
            assertEquals(Math.log(2), DiceBceLoss.bce(logits, target).getFloat(), 1e-6);
            assertEquals(0.4, DiceBceLoss.dice(logits, target).getFloat(), 1e-6);
            assertEquals(Math.log(2) + 0.4, new DiceBceLoss().apply(logits, target).getFloat(), 1e-6);
        }
    }

    @Test
    void confidentCorrectLogitsCostAlmostNothingAndAnEmptyPredictedEmptyMaskNothing() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray target = manager.create(new float[] {1, 0, 1, 0, 0, 0, 0, 0}, new Shape(2, 1, 2, 2));
            NDArray logits = target.mul(2).sub(1).mul(30);
            assertEquals(0, new DiceBceLoss().apply(logits, target).getFloat(), 1e-6);
            // BCE stays finite for very large logits of the wrong sign: max(x,0) - x t + log(1 + e^-|x|) = 1000.
            NDArray wrong = manager.create(new float[] {-1000}, new Shape(1, 1, 1, 1));
            assertEquals(1000, DiceBceLoss.bce(wrong, manager.ones(new Shape(1, 1, 1, 1))).getFloat(), 1e-3);
        }
    }
}
