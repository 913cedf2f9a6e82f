package org.endolens.data.transform;

import java.util.random.RandomGenerator;

/**
 * torchvision's {@code ColorJitter}: brightness, contrast and saturation factors uniform in
 * [max(0, 1 - x), 1 + x], a hue shift uniform in [-hue, hue], applied in a random order with the arithmetic of
 * torchvision's float-tensor functions ({@code adjust_brightness}, ...), each result clamped to [0, 1]. A zero
 * strength disables that adjustment (no draw), as in torchvision.
 */
public final class ColorJitter implements Transform {
    /** DINO's and Endo-FM's strengths ({@code ColorJitter(0.4, 0.4, 0.2, 0.1)}; Endo-FM omits hue). */
    public static final double DINO_BRIGHTNESS = 0.4;
    public static final double DINO_CONTRAST = 0.4;
    public static final double DINO_SATURATION = 0.2;
    public static final double DINO_HUE = 0.1;

    private static final int BRIGHTNESS = 0;
    private static final int CONTRAST = 1;
    private static final int SATURATION = 2;
    private static final int HUE = 3;

    private final double brightness;
    private final double contrast;
    private final double saturation;
    private final double hue;

    public ColorJitter(double brightness, double contrast, double saturation, double hue) {
        if (!(brightness >= 0 && contrast >= 0 && saturation >= 0)) {
            throw new IllegalArgumentException("brightness, contrast and saturation strengths must be non-negative, got "
                    + brightness + ", " + contrast + ", " + saturation);
        }
        if (!(hue >= 0 && hue <= 0.5)) {
            throw new IllegalArgumentException("hue strength must be in [0, 0.5], got " + hue);
        }
        this.brightness = brightness;
        this.contrast = contrast;
        this.saturation = saturation;
        this.hue = hue;
    }

    /** DINO's jitter, (0.4, 0.4, 0.2, 0.1). */
    public static ColorJitter dino() {
        return new ColorJitter(DINO_BRIGHTNESS, DINO_CONTRAST, DINO_SATURATION, DINO_HUE);
    }

    @Override
    public Sample apply(Sample sample, RandomGenerator random) {
        // torchvision's get_params: the order first (randperm(4)), then the factors of the enabled adjustments.
        int[] order = {BRIGHTNESS, CONTRAST, SATURATION, HUE};
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        double b = brightness > 0 ? RandomDraws.uniform(random, Math.max(0, 1 - brightness), 1 + brightness) : Double.NaN;
        double c = contrast > 0 ? RandomDraws.uniform(random, Math.max(0, 1 - contrast), 1 + contrast) : Double.NaN;
        double s = saturation > 0 ? RandomDraws.uniform(random, Math.max(0, 1 - saturation), 1 + saturation) : Double.NaN;
        double h = hue > 0 ? RandomDraws.uniform(random, -hue, hue) : Double.NaN;
        RgbImage image = sample.image();
        int area = image.width() * image.height();
        // The first adjustment reads the image and writes a new array; the others work in place on it.
        float[] in = image.planes();
        float[] out = new float[in.length];
        for (int op : order) {
            double factor = op == BRIGHTNESS ? b : op == CONTRAST ? c : op == SATURATION ? s : h;
            if (Double.isNaN(factor)) {
                continue;
            }
            switch (op) {
                case BRIGHTNESS -> brightness(in, out, (float) factor);
                case CONTRAST -> contrast(in, out, area, (float) factor);
                case SATURATION -> saturation(in, out, area, (float) factor);
                default -> hue(in, out, area, (float) factor);
            }
            in = out;
        }
        return in == out ? sample.withImage(new RgbImage(image.width(), image.height(), out)) : sample;
    }

    /** torchvision's {@code adjust_brightness}: {@code clamp(factor * x, 0, 1)}. */
    public static RgbImage adjustBrightness(RgbImage image, double factor) {
        float[] out = new float[image.planes().length];
        brightness(image.planes(), out, (float) factor);
        return new RgbImage(image.width(), image.height(), out);
    }

    /** torchvision's {@code adjust_contrast}: blend with the mean grey level of the whole image. */
    public static RgbImage adjustContrast(RgbImage image, double factor) {
        float[] out = new float[image.planes().length];
        contrast(image.planes(), out, image.width() * image.height(), (float) factor);
        return new RgbImage(image.width(), image.height(), out);
    }

    /** torchvision's {@code adjust_saturation}: blend with each pixel's grey level. */
    public static RgbImage adjustSaturation(RgbImage image, double factor) {
        float[] out = new float[image.planes().length];
        saturation(image.planes(), out, image.width() * image.height(), (float) factor);
        return new RgbImage(image.width(), image.height(), out);
    }

    /** torchvision's {@code adjust_hue}: shift the HSV hue by {@code shift} turns (in [-0.5, 0.5]), modulo 1. */
    public static RgbImage adjustHue(RgbImage image, double shift) {
        float[] out = new float[image.planes().length];
        hue(image.planes(), out, image.width() * image.height(), (float) shift);
        return new RgbImage(image.width(), image.height(), out);
    }

    // Each adjustment reads `in` and writes `out`, which may be the same array. Clamping runs as its own pass over
    // the whole array: HotSpot (17) vectorises Math.min/max in a loop from index 0, not in one from a plane offset.

    private static void brightness(float[] in, float[] out, float factor) {
        for (int i = 0; i < in.length; i++) {
            out[i] = clamp(factor * in[i]);
        }
    }

    private static void contrast(float[] in, float[] out, int area, float factor) {
        double sum = 0;
        for (int p = 0; p < area; p++) {
            sum += RandomGrayscale.luma(in[p], in[area + p], in[2 * area + p]);
        }
        float blend = (1 - factor) * (float) (sum / area);
        for (int i = 0; i < in.length; i++) {
            out[i] = clamp(factor * in[i] + blend);
        }
    }

    private static void saturation(float[] in, float[] out, int area, float factor) {
        float[] grey = new float[area];
        float weight = 1 - factor;
        for (int p = 0; p < area; p++) {
            grey[p] = weight * RandomGrayscale.luma(in[p], in[area + p], in[2 * area + p]);
        }
        for (int c = 0; c < RgbImage.CHANNELS; c++) {
            int plane = c * area;
            for (int p = 0; p < area; p++) {
                out[plane + p] = factor * in[plane + p] + grey[p];
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = clamp(out[i]);
        }
    }

    // torchvision's _rgb2hsv, hue shift and _hsv2rgb, pixel by pixel, simplified: a hue rotation keeps each pixel's
    // max (V) and min (V(1 - S), torchvision's p) and moves only the middle channel, q = max - range f or
    // t = min + range f. The hue is kept in sixths of a turn, so fmod/remainder become one conditional step. Results
    // agree with the literal formulas to within 1e-6.
    private static void hue(float[] in, float[] out, int area, float shift) {
        float sixths = 6f * shift;
        for (int p = 0; p < area; p++) {
            float r = in[p];
            float g = in[area + p];
            float b = in[2 * area + p];
            float max = Math.max(r, Math.max(g, b));
            float min = Math.min(r, Math.min(g, b));
            float range = max - min;
            if (range == 0f) {
                // Grey: saturation 0, every hue maps back to the pixel itself.
                set(out, area, p, r, g, b);
                continue;
            }
            float h;
            if (max == r) {
                h = (g - b) / range;
            } else if (max == g) {
                h = 2f + (b - r) / range;
            } else {
                h = 4f + (r - g) / range;
            }
            h += sixths;
            if (h < 0f) {
                h += 6f;
            } else if (h >= 6f) {
                h -= 6f;
            }
            int sector = (int) h;
            float f = h - sector;
            float rising = min + range * f;
            float falling = max - range * f;
            switch (sector) {
                case 1 -> set(out, area, p, falling, max, min);
                case 2 -> set(out, area, p, min, max, rising);
                case 3 -> set(out, area, p, min, falling, max);
                case 4 -> set(out, area, p, rising, min, max);
                case 5 -> set(out, area, p, max, min, falling);
                // 0, and 6 if rounding lands on a full turn (torchvision takes the sector modulo 6).
                default -> set(out, area, p, max, rising, min);
            }
        }
    }

    private static void set(float[] planes, int area, int p, float r, float g, float b) {
        planes[p] = r;
        planes[area + p] = g;
        planes[2 * area + p] = b;
    }

    // Math.min/max rather than comparisons: the JIT vectorises them.
    private static float clamp(float value) {
        return Math.min(1f, Math.max(0f, value));
    }
}
