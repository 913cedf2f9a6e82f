package org.endolens.data.transform;

import java.util.random.RandomGenerator;

/**
 * torchvision's {@code RandomResizedCrop}: a crop covering a random fraction of the image area (uniform in
 * {@code scale}) with a random aspect ratio (log-uniform in {@code ratio}), resized to {@code size x size}. Up to
 * {@value #ATTEMPTS} draws must fit inside the image; after that, the largest centred crop within the ratio range.
 */
public final class RandomResizedCrop implements Transform {
    /** torchvision's default area fraction range. */
    public static final double SCALE_MIN = 0.08;
    public static final double SCALE_MAX = 1.0;
    /** torchvision's default aspect ratio (width / height) range. */
    public static final double RATIO_MIN = 3.0 / 4.0;
    public static final double RATIO_MAX = 4.0 / 3.0;
    public static final int ATTEMPTS = 10;

    private final int size;
    private final double scaleMin;
    private final double scaleMax;
    private final Interpolation interpolation;

    /** torchvision's defaults: scale (0.08, 1), ratio (3/4, 4/3), bilinear. */
    public RandomResizedCrop(int size) {
        this(size, SCALE_MIN, SCALE_MAX, Interpolation.BILINEAR);
    }

    public RandomResizedCrop(int size, double scaleMin, double scaleMax, Interpolation interpolation) {
        if (size <= 0) {
            throw new IllegalArgumentException("crop size must be positive, got " + size);
        }
        if (!(scaleMin > 0 && scaleMin <= scaleMax && scaleMax <= 1)) {
            throw new IllegalArgumentException("scale range must satisfy 0 < min <= max <= 1, got (" + scaleMin + ", "
                    + scaleMax + ")");
        }
        this.size = size;
        this.scaleMin = scaleMin;
        this.scaleMax = scaleMax;
        this.interpolation = interpolation;
    }

    public int size() {
        return size;
    }

    /** The crop for a {@code width x height} image, drawn exactly as torchvision's {@code get_params}. */
    public CropRegion region(int width, int height, RandomGenerator random) {
        double area = (double) width * height;
        double logRatioMin = Math.log(RATIO_MIN);
        double logRatioMax = Math.log(RATIO_MAX);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double targetArea = area * RandomDraws.uniform(random, scaleMin, scaleMax);
            double aspectRatio = Math.exp(RandomDraws.uniform(random, logRatioMin, logRatioMax));
            // Python's round() rounds halves to even, as Math.rint does.
            int w = (int) Math.rint(Math.sqrt(targetArea * aspectRatio));
            int h = (int) Math.rint(Math.sqrt(targetArea / aspectRatio));
            if (0 < w && w <= width && 0 < h && h <= height) {
                int top = random.nextInt(height - h + 1);
                int left = random.nextInt(width - w + 1);
                return new CropRegion(left, top, w, h);
            }
        }
        double inRatio = (double) width / height;
        int w = width;
        int h = height;
        if (inRatio < RATIO_MIN) {
            h = (int) Math.rint(w / RATIO_MIN);
        } else if (inRatio > RATIO_MAX) {
            w = (int) Math.rint(h * RATIO_MAX);
        }
        return new CropRegion((width - w) / 2, (height - h) / 2, w, h);
    }

    @Override
    public Sample apply(Sample sample, RandomGenerator random) {
        return sample.resizedCrop(region(sample.width(), sample.height(), random), size, size, interpolation);
    }
}
