package org.endolens.data.synthetic;

import java.util.function.DoubleBinaryOperator;

/**
 * A slowly varying per-pixel quantity (lumen distance, fold phase, mottle) evaluated every {@link #STEP} pixels
 * and interpolated bilinearly in between: these vary over tens of pixels, and evaluating them at every pixel
 * dominated render time.
 */
final class CoarseField {
    private static final int STEP_SHIFT = 2;
    static final int STEP = 1 << STEP_SHIFT;
    private static final double STEP_FRACTION = 1.0 / STEP;

    private final int columns;
    private final float[] samples;

    /** Samples {@code function(x, y)} (pixel coordinates) on a grid covering a {@code size x size} image. */
    CoarseField(int size, DoubleBinaryOperator function) {
        columns = size / STEP + 2;
        samples = new float[columns * columns];
        for (int gy = 0; gy < columns; gy++) {
            for (int gx = 0; gx < columns; gx++) {
                samples[gy * columns + gx] = (float) function.applyAsDouble(gx * STEP, gy * STEP);
            }
        }
    }

    double at(int x, int y) {
        int gx = x >> STEP_SHIFT;
        int gy = y >> STEP_SHIFT;
        double fx = (x & (STEP - 1)) * STEP_FRACTION;
        double fy = (y & (STEP - 1)) * STEP_FRACTION;
        int i = gy * columns + gx;
        double top = samples[i] + (samples[i + 1] - samples[i]) * fx;
        double bottom = samples[i + columns] + (samples[i + columns + 1] - samples[i + columns]) * fx;
        return top + (bottom - top) * fy;
    }
}
