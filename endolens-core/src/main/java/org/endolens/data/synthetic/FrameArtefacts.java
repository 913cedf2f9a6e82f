package org.endolens.data.synthetic;

import java.util.SplittableRandom;

/**
 * Degrades a lit frame into one of the non-informative kinds that frame-quality filtering must reject: motion
 * blur along a line, under- or over-exposure, bubbles on a film of fluid, or defocus.
 */
final class FrameArtefacts {
    private static final double DARK_GAIN_MIN = 0.1;
    private static final double DARK_GAIN_MAX = 0.2;
    private static final double BRIGHT_GAIN_MIN = 3.5;
    private static final double BRIGHT_GAIN_MAX = 5;
    private static final double BRIGHT_GLARE = 0.45;
    private static final double MOTION_LENGTH_MIN = 0.07;
    private static final double MOTION_LENGTH_MAX = 0.14;
    /** Camera shake also smears across the motion: a small box blur after the line blur. */
    private static final double SHAKE_RADIUS = 0.008;
    private static final double DEFOCUS_RADIUS_MIN = 0.02;
    private static final double DEFOCUS_RADIUS_MAX = 0.035;
    private static final int DEFOCUS_PASSES = 2;
    private static final double FLUID_FREQUENCY = 3;
    private static final double FLUID_OPACITY = 0.5;
    private static final double[] FLUID_COLOUR = {1.2, 1.0, 0.55};
    private static final int BUBBLES_MIN = 15;
    private static final int BUBBLES_EXTRA = 30;
    private static final double BUBBLE_SPREAD = 0.14;
    private static final double BUBBLE_RADIUS_MIN = 0.012;
    private static final double BUBBLE_RADIUS_RANGE = 1.6;
    private static final double BUBBLE_RIM = 0.55;
    private static final double BUBBLE_MILK = 0.08;
    /** Bubble rim profile over the relative radius: rises from RIM_START, peaks at RIM_PEAK, 0 at the edge. */
    private static final double RIM_START = 0.7;
    private static final double RIM_PEAK = 0.92;
    /** The specular dot sits up-left of the centre (light from the scope's upper left), fading over a radius. */
    private static final double GLINT_OFFSET = 0.35;
    private static final double GLINT_CORE = 0.08;
    private static final double GLINT_RADIUS = 0.22;
    /** Fluid covers where its noise exceeds FLUID_LEVEL, fully past FLUID_LEVEL + FLUID_EDGE. */
    private static final double FLUID_LEVEL = 0.5;
    private static final double FLUID_EDGE = 0.1;
    /** Bubble clusters gather around a point in the middle part of the view. */
    private static final double CLUSTER_MIN = 0.3;
    private static final double CLUSTER_MAX = 0.7;

    private FrameArtefacts() {}

    static void apply(FrameArtefact kind, float[][] rgb, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        switch (kind) {
            case DARK -> expose(rgb, Choices.between(random, DARK_GAIN_MIN, DARK_GAIN_MAX), 0);
            case OVEREXPOSED -> expose(rgb, Choices.between(random, BRIGHT_GAIN_MIN, BRIGHT_GAIN_MAX), BRIGHT_GLARE);
            case BLURRED -> {
                double length = size * Choices.between(random, MOTION_LENGTH_MIN, MOTION_LENGTH_MAX);
                double angle = Math.PI * random.nextDouble();
                int shake = Math.max(1, (int) Math.round(size * SHAKE_RADIUS));
                for (float[] channel : rgb) {
                    motionBlur(channel, size, length, angle);
                    boxBlur(channel, size, shake, 1, size);
                    boxBlur(channel, size, shake, size, 1);
                }
            }
            case DEFOCUSED -> {
                double relative = Choices.between(random, DEFOCUS_RADIUS_MIN, DEFOCUS_RADIUS_MAX);
                int radius = Math.max(1, (int) Math.round(size * relative));
                for (float[] channel : rgb) {
                    for (int pass = 0; pass < DEFOCUS_PASSES; pass++) {
                        boxBlur(channel, size, radius, 1, size);
                        boxBlur(channel, size, radius, size, 1);
                    }
                }
            }
            case BUBBLES -> {
                fluid(rgb, size, random.nextLong());
                bubbles(rgb, size, random);
            }
        }
    }

    private static void expose(float[][] rgb, double gain, double glare) {
        for (float[] channel : rgb) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = (float) (channel[i] * gain + glare);
            }
        }
    }

    private static void motionBlur(float[] channel, int size, double length, double angle) {
        int taps = Math.max(2, (int) Math.round(length));
        int[] dx = new int[taps];
        int[] dy = new int[taps];
        for (int k = 0; k < taps; k++) {
            double t = k - (taps - 1) / 2.0;
            dx[k] = (int) Math.round(t * Math.cos(angle));
            dy[k] = (int) Math.round(t * Math.sin(angle));
        }
        float[] source = channel.clone();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double sum = 0;
                for (int k = 0; k < taps; k++) {
                    int sx = Math.min(size - 1, Math.max(0, x + dx[k]));
                    int sy = Math.min(size - 1, Math.max(0, y + dy[k]));
                    sum += source[sy * size + sx];
                }
                channel[y * size + x] = (float) (sum / taps);
            }
        }
    }

    /** Running-mean blur of every line; {@code step} walks along a line, {@code lineStride} from line to line. */
    private static void boxBlur(float[] channel, int size, int radius, int step, int lineStride) {
        float[] line = new float[size];
        for (int l = 0; l < size; l++) {
            int start = l * lineStride;
            for (int k = 0; k < size; k++) {
                line[k] = channel[start + k * step];
            }
            double sum = 0;
            for (int k = -radius; k <= radius; k++) {
                sum += line[Math.min(size - 1, Math.max(0, k))];
            }
            for (int k = 0; k < size; k++) {
                channel[start + k * step] = (float) (sum / (2 * radius + 1));
                sum += line[Math.min(size - 1, k + radius + 1)] - line[Math.max(0, k - radius)];
            }
        }
    }

    /** A yellowish film of fluid over part of the view, keeping the lighting underneath. */
    private static void fluid(float[][] rgb, int size, long seed) {
        ValueNoise pools = new ValueNoise(seed);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                double cover = FLUID_OPACITY * ValueNoise.smoothstep(FLUID_LEVEL, FLUID_LEVEL + FLUID_EDGE,
                        pools.fractal(FLUID_FREQUENCY * x / size, FLUID_FREQUENCY * y / size, 3));
                double luminance = (rgb[0][i] + rgb[1][i] + rgb[2][i]) / 3;
                for (int c = 0; c < 3; c++) {
                    rgb[c][i] = (float) (rgb[c][i] + (FLUID_COLOUR[c] * luminance - rgb[c][i]) * cover);
                }
            }
        }
    }

    /** A cluster of translucent bubbles, each with a bright rim and a specular dot. */
    private static void bubbles(float[][] rgb, int size, SplittableRandom random) {
        double clusterX = size * Choices.between(random, CLUSTER_MIN, CLUSTER_MAX);
        double clusterY = size * Choices.between(random, CLUSTER_MIN, CLUSTER_MAX);
        int count = BUBBLES_MIN + random.nextInt(BUBBLES_EXTRA);
        for (int b = 0; b < count; b++) {
            double cx = clusterX + size * BUBBLE_SPREAD * random.nextGaussian();
            double cy = clusterY + size * BUBBLE_SPREAD * random.nextGaussian();
            double radius = size * BUBBLE_RADIUS_MIN * Math.exp(BUBBLE_RADIUS_RANGE * random.nextDouble());
            bubble(rgb, size, cx, cy, radius);
        }
    }

    private static void bubble(float[][] rgb, int size, double cx, double cy, double radius) {
        double glintX = cx - GLINT_OFFSET * radius;
        double glintY = cy - GLINT_OFFSET * radius;
        for (int y = Math.max(0, (int) (cy - radius)); y < Math.min(size, (int) (cy + radius) + 1); y++) {
            for (int x = Math.max(0, (int) (cx - radius)); x < Math.min(size, (int) (cx + radius) + 1); x++) {
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                double q = Math.sqrt(dx * dx + dy * dy) / radius;
                if (q >= 1) {
                    continue;
                }
                double rim = ValueNoise.smoothstep(RIM_START, RIM_PEAK, q)
                        * (1 - ValueNoise.smoothstep(RIM_PEAK, 1, q));
                double gx = x + 0.5 - glintX;
                double gy = y + 0.5 - glintY;
                double glint = ValueNoise.smoothstep(GLINT_RADIUS * radius, GLINT_CORE * radius,
                        Math.sqrt(gx * gx + gy * gy));
                int i = y * size + x;
                for (int c = 0; c < 3; c++) {
                    double value = rgb[c][i] * (1 - BUBBLE_MILK) + BUBBLE_MILK + BUBBLE_RIM * rim;
                    rgb[c][i] = (float) (value + (1 - value) * glint);
                }
            }
        }
    }
}
