package org.endolens.data.transform;

import java.util.random.RandomGenerator;

/**
 * torchvision's {@code RandomGrayscale}: with probability {@code p}, every channel becomes the pixel's ITU-R 601 luma
 * {@code 0.2989 R + 0.587 G + 0.114 B} (torchvision's {@code rgb_to_grayscale} weights).
 */
public final class RandomGrayscale implements Transform {
    /** DINO's probability. */
    public static final double DINO_P = 0.2;

    private final double p;

    public RandomGrayscale(double p) {
        this.p = RandomDraws.checkProbability(p);
    }

    @Override
    public Sample apply(Sample sample, RandomGenerator random) {
        return random.nextDouble() < p ? sample.withImage(grayscale(sample.image())) : sample;
    }

    /** The image with R = G = B = its luma. */
    public static RgbImage grayscale(RgbImage image) {
        float[] planes = image.planes();
        int area = image.width() * image.height();
        float[] grey = new float[planes.length];
        for (int p = 0; p < area; p++) {
            float value = luma(planes[p], planes[area + p], planes[2 * area + p]);
            grey[p] = value;
            grey[area + p] = value;
            grey[2 * area + p] = value;
        }
        return new RgbImage(image.width(), image.height(), grey);
    }

    static float luma(float r, float g, float b) {
        return 0.2989f * r + 0.587f * g + 0.114f * b;
    }
}
