package org.endolens.data.transform;

import java.util.random.RandomGenerator;

/**
 * Gaussian blur with a standard deviation uniform in [sigmaMin, sigmaMax] (DINO's {@code GaussianBlur}: radius
 * uniform in [0.1, 2.0]; wrap in {@link RandomApply} for its probability). The separable kernel is sampled at integer
 * offsets, truncated at ±3 sigma and normalised; borders reflect, as torchvision's {@code gaussian_blur} pads.
 */
public final class GaussianBlur implements Transform {
    /** DINO's sigma range. */
    public static final double DINO_SIGMA_MIN = 0.1;
    public static final double DINO_SIGMA_MAX = 2.0;
    /** DINO's probabilities: first global view, second global view, local views. */
    public static final double DINO_P_FIRST_GLOBAL = 1.0;
    public static final double DINO_P_SECOND_GLOBAL = 0.1;
    public static final double DINO_P_LOCAL = 0.5;
    /** The kernel ends this many standard deviations from its centre. */
    public static final double TRUNCATE_SIGMAS = 3.0;

    private final double sigmaMin;
    private final double sigmaMax;

    public GaussianBlur(double sigmaMin, double sigmaMax) {
        if (!(sigmaMin > 0 && sigmaMin <= sigmaMax)) {
            throw new IllegalArgumentException("sigma range must satisfy 0 < min <= max, got (" + sigmaMin + ", "
                    + sigmaMax + ")");
        }
        this.sigmaMin = sigmaMin;
        this.sigmaMax = sigmaMax;
    }

    /** DINO's sigma range (0.1, 2.0). */
    public static GaussianBlur dino() {
        return new GaussianBlur(DINO_SIGMA_MIN, DINO_SIGMA_MAX);
    }

    @Override
    public Sample apply(Sample sample, RandomGenerator random) {
        return sample.withImage(blur(sample.image(), RandomDraws.uniform(random, sigmaMin, sigmaMax)));
    }

    /** The image blurred with standard deviation {@code sigma} pixels. */
    public static RgbImage blur(RgbImage image, double sigma) {
        int radius = Math.max(1, (int) Math.ceil(TRUNCATE_SIGMAS * sigma));
        float[] kernel = new float[2 * radius + 1];
        double total = 0;
        for (int k = -radius; k <= radius; k++) {
            double value = Math.exp(-0.5 * (k / sigma) * (k / sigma));
            kernel[k + radius] = (float) value;
            total += value;
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= (float) total;
        }
        int width = image.width();
        int height = image.height();
        int area = width * height;
        float[] source = image.planes();
        float[] rows = new float[source.length];
        float[] out = new float[source.length];
        for (int c = 0; c < RgbImage.CHANNELS; c++) {
            int plane = c * area;
            for (int y = 0; y < height; y++) {
                int row = plane + y * width;
                for (int x = 0; x < width; x++) {
                    float sum = 0;
                    for (int k = -radius; k <= radius; k++) {
                        sum += kernel[k + radius] * source[row + reflect(x + k, width)];
                    }
                    rows[row + x] = sum;
                }
            }
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    float sum = 0;
                    for (int k = -radius; k <= radius; k++) {
                        sum += kernel[k + radius] * rows[plane + reflect(y + k, height) * width + x];
                    }
                    out[plane + y * width + x] = sum;
                }
            }
        }
        return new RgbImage(width, height, out);
    }

    /** Index {@code i} mirrored into [0, n) without repeating the edge (NumPy's and PyTorch's "reflect"). */
    private static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }
}
