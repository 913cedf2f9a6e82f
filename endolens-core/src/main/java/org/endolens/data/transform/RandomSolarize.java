package org.endolens.data.transform;

import java.util.random.RandomGenerator;

/**
 * torchvision's {@code RandomSolarize} (DINO's {@code Solarization}): with probability {@code p}, every value at or
 * above the threshold becomes {@code 1 - value}.
 */
public final class RandomSolarize implements Transform {
    /**
     * PIL's {@code ImageOps.solarize} default of 128 (of 255), which DINO uses, on values in [0, 1]: 8-bit pixels
     * round to 128 or more exactly when their value is at least 0.5.
     */
    public static final float THRESHOLD = 0.5f;
    /** DINO's probability, on the second global view. */
    public static final double DINO_P = 0.2;

    private final float threshold;
    private final double p;

    public RandomSolarize(float threshold, double p) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("solarisation threshold must be in [0, 1], got " + threshold);
        }
        this.threshold = threshold;
        this.p = RandomDraws.checkProbability(p);
    }

    @Override
    public Sample apply(Sample sample, RandomGenerator random) {
        return random.nextDouble() < p ? sample.withImage(solarize(sample.image(), threshold)) : sample;
    }

    public static RgbImage solarize(RgbImage image, float threshold) {
        float[] planes = image.planes();
        float[] out = new float[planes.length];
        for (int i = 0; i < planes.length; i++) {
            out[i] = planes[i] >= threshold ? 1f - planes[i] : planes[i];
        }
        return new RgbImage(image.width(), image.height(), out);
    }
}
