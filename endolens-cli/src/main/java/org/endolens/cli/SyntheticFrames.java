package org.endolens.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.SplittableRandom;

/**
 * Synthetic colonoscopy-like frames for the demo: reddish mucosa with a darker raised disc (a "polyp") on some
 * frames, CLIP-normalised, {@code (B, 3, size, size)}. The data issue replaces this with the full generator.
 */
final class SyntheticFrames {
    private static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    private static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};

    private SyntheticFrames() {}

    static NDArray render(NDManager manager, int count, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[count * 3 * size * size];
        float[] mucosa = {0.78f, 0.42f, 0.38f};
        float[] polyp = {0.62f, 0.25f, 0.24f};
        for (int b = 0; b < count; b++) {
            boolean hasPolyp = b % 2 == 0;
            double cx = size * (0.3 + 0.4 * random.nextDouble());
            double cy = size * (0.3 + 0.4 * random.nextDouble());
            double r = size * (0.12 + 0.1 * random.nextDouble());
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    boolean inside = hasPolyp && Math.hypot(x - cx, y - cy) < r;
                    double texture = 0.04 * Math.sin(x * 0.9 + y * 0.4) + 0.02 * random.nextGaussian();
                    for (int c = 0; c < 3; c++) {
                        float v = (float) ((inside ? polyp[c] : mucosa[c]) + texture);
                        pixels[((b * 3 + c) * size + y) * size + x] = (v - MEAN[c]) / STD[c];
                    }
                }
            }
        }
        return manager.create(pixels, new Shape(count, 3, size, size));
    }
}
