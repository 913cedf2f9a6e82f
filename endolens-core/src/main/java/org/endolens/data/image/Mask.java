package org.endolens.data.image;

/** A binary segmentation mask: one foreground flag per pixel, row-major, {@code width x height}. */
public final class Mask {
    private final int width;
    private final int height;
    private final boolean[] foreground;

    private Mask(int width, int height, boolean[] foreground) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("mask size must be positive, got " + width + "x" + height);
        }
        if (foreground.length != (long) width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " mask needs " + (long) width * height
                    + " flags, got " + foreground.length);
        }
        this.width = width;
        this.height = height;
        this.foreground = foreground;
    }

    /** A mask over a copy of {@code foreground}, which must hold {@code width * height} flags in row-major order. */
    public static Mask copyOf(int width, int height, boolean[] foreground) {
        return new Mask(width, height, foreground.clone());
    }

    /** Wraps {@code foreground} without copying; for decoders in this package that hand over a fresh array. */
    static Mask wrap(int width, int height, boolean[] foreground) {
        return new Mask(width, height, foreground);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean isForeground(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IndexOutOfBoundsException("pixel (" + x + ", " + y + ") is outside the " + width + "x" + height + " mask");
        }
        return foreground[y * width + x];
    }

    /** Number of foreground pixels. */
    public int foregroundPixels() {
        int count = 0;
        for (boolean f : foreground) {
            if (f) {
                count++;
            }
        }
        return count;
    }

    /** Foreground pixels over all pixels. */
    public double foregroundFraction() {
        return foregroundPixels() / ((double) width * height);
    }

    /** The flags themselves, not a copy: for readers in this package. */
    boolean[] flags() {
        return foreground;
    }
}
