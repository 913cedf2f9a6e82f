package org.endolens.data.transform;

import java.util.random.RandomGenerator;

/**
 * torchvision's {@code Resize}: either the shorter side to a length, keeping the aspect ratio (the longer side is
 * {@code int(size * long / short)}), or to a fixed width and height; antialiased as torchvision's default.
 */
public final class Resize implements Transform {
    private final int shorterSide;
    private final int width;
    private final int height;
    private final Interpolation interpolation;

    private Resize(int shorterSide, int width, int height, Interpolation interpolation) {
        this.shorterSide = shorterSide;
        this.width = width;
        this.height = height;
        this.interpolation = interpolation;
    }

    /** The shorter side to {@code size} pixels ({@code Resize(size)} with an int). */
    public static Resize shorterSide(int size, Interpolation interpolation) {
        checkPositive(size, size);
        return new Resize(size, 0, 0, interpolation);
    }

    /** Exactly {@code width x height} ({@code Resize((h, w))}). */
    public static Resize to(int width, int height, Interpolation interpolation) {
        checkPositive(width, height);
        return new Resize(0, width, height, interpolation);
    }

    @Override
    public Sample apply(Sample sample, RandomGenerator random) {
        int w = width;
        int h = height;
        if (shorterSide > 0) {
            int shorter = Math.min(sample.width(), sample.height());
            int longer = (int) ((double) shorterSide * Math.max(sample.width(), sample.height()) / shorter);
            w = sample.width() <= sample.height() ? shorterSide : longer;
            h = sample.width() <= sample.height() ? longer : shorterSide;
        }
        return sample.resizedCrop(CropRegion.whole(sample.width(), sample.height()), w, h, interpolation);
    }

    private static void checkPositive(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("resize target must be positive, got " + width + "x" + height);
        }
    }
}
