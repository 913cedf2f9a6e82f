package org.endolens.data.synthetic;

import java.util.SplittableRandom;

/**
 * Seeded 2-D value noise: lattice values in [0, 1] from a fixed 256 x 256 table (one array read per corner),
 * smoothly interpolated, and their fractal sum. The seed shifts the lattice, so each seed sees a different patch of
 * the same periodic tiling; every value is a pure function of seed and point. Also holds the smoothstep ramps the
 * renderer shapes noise with.
 */
final class ValueNoise {
    private static final int PERIOD = 256;
    private static final int WRAP = PERIOD - 1;
    private static final int ROW_SHIFT = 8;
    private static final long TABLE_SEED = 0x5eed_c0105L;
    private static final float[] LATTICE = new float[PERIOD * PERIOD];

    static {
        SplittableRandom random = new SplittableRandom(TABLE_SEED);
        for (int i = 0; i < LATTICE.length; i++) {
            LATTICE[i] = (float) random.nextDouble();
        }
    }

    private final int offsetX;
    private final int offsetY;

    ValueNoise(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        offsetX = random.nextInt(PERIOD);
        offsetY = random.nextInt(PERIOD);
    }

    /** Smooth noise in [0, 1] with one lattice cell per unit. */
    double at(double x, double y) {
        int ix = floor(x);
        int iy = floor(y);
        double sx = smooth(x - ix);
        double sy = smooth(y - iy);
        int x0 = (ix + offsetX) & WRAP;
        int x1 = (x0 + 1) & WRAP;
        int row0 = ((iy + offsetY) & WRAP) << ROW_SHIFT;
        int row1 = ((iy + offsetY + 1) & WRAP) << ROW_SHIFT;
        double top = lerp(LATTICE[row0 | x0], LATTICE[row0 | x1], sx);
        double bottom = lerp(LATTICE[row1 | x0], LATTICE[row1 | x1], sx);
        return lerp(top, bottom, sy);
    }

    /** Sum of {@code octaves} noise layers, each twice the frequency and half the amplitude of the last, in [0, 1]. */
    double fractal(double x, double y, int octaves) {
        double sum = 0;
        double amplitude = 1;
        double total = 0;
        for (int i = 0; i < octaves; i++) {
            sum += amplitude * at(x, y);
            total += amplitude;
            x = 2 * x + 17.3;
            y = 2 * y + 31.7;
            amplitude *= 0.5;
        }
        return sum / total;
    }

    /** 64 random bits for an integer point, uncorrelated with its neighbours (per-pixel sensor noise). */
    static long bits(long seed, int x, int y) {
        long h = seed ^ (x * 0x9E3779B97F4A7C15L) ^ (y * 0xC2B2AE3D27D4EB4FL);
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    static double smoothstep(double edge0, double edge1, double x) {
        return ramp((x - edge0) / (edge1 - edge0));
    }

    /** {@link #smoothstep} on an already normalised input: 0 below 0, 1 above 1, a cubic in between. */
    static double ramp(double t) {
        double clamped = clamp01(t);
        return clamped * clamped * (3 - 2 * clamped);
    }

    /** {@code t} limited to [0, 1]; plain comparisons, cheaper in hot loops than {@code Math.min}/{@code max}. */
    static double clamp01(double t) {
        return t < 0 ? 0 : t > 1 ? 1 : t;
    }

    private static int floor(double value) {
        int truncated = (int) value;
        return value < truncated ? truncated - 1 : truncated;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
