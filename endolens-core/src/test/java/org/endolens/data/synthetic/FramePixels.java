package org.endolens.data.synthetic;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Simple image statistics for checking rendered frames: luminance, saturation, sharpness, mask extent. */
final class FramePixels {
    private static final int SATURATED = 250;
    /** Radius of the disc, as a fraction of the image side, that excludes the field-of-view border. */
    private static final double INNER_DISC = 0.4;

    private FramePixels() {}

    static BufferedImage read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IllegalStateException(file + " is not a readable image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int[] rgb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** Rec. 601 luma of every pixel, 0-255. */
    static double[] luminance(BufferedImage image) {
        int[] pixels = rgb(image);
        double[] luma = new double[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            luma[i] = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
        }
        return luma;
    }

    static double meanLuminance(BufferedImage image) {
        double sum = 0;
        for (double v : luminance(image)) {
            sum += v;
        }
        return sum / (image.getWidth() * image.getHeight());
    }

    /** Share of all pixels whose three channels are all at least 250. */
    static double saturatedFraction(BufferedImage image) {
        int count = 0;
        int[] pixels = rgb(image);
        for (int p : pixels) {
            if (((p >> 16) & 0xff) >= SATURATED && ((p >> 8) & 0xff) >= SATURATED && (p & 0xff) >= SATURATED) {
                count++;
            }
        }
        return count / (double) pixels.length;
    }

    /** Variance of the 4-neighbour Laplacian of the luminance within a centred disc well inside the field of view. */
    static double laplacianVariance(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[] luma = luminance(image);
        double sum = 0;
        double sumSquares = 0;
        int n = 0;
        double radius = INNER_DISC * Math.min(w, h);
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                if (Math.hypot(x + 0.5 - w / 2.0, y + 0.5 - h / 2.0) > radius) {
                    continue;
                }
                int i = y * w + x;
                double laplacian = luma[i - 1] + luma[i + 1] + luma[i - w] + luma[i + w] - 4 * luma[i];
                sum += laplacian;
                sumSquares += laplacian * laplacian;
                n++;
            }
        }
        double mean = sum / n;
        return sumSquares / n - mean * mean;
    }

    /** {xmin, ymin, xmax, ymax} of the non-zero pixels, exclusive maxima, or null when there are none. */
    static int[] foregroundExtent(BufferedImage mask) {
        int[] extent = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < mask.getWidth(); x++) {
                if (mask.getRaster().getSample(x, y, 0) != 0) {
                    extent[0] = Math.min(extent[0], x);
                    extent[1] = Math.min(extent[1], y);
                    extent[2] = Math.max(extent[2], x + 1);
                    extent[3] = Math.max(extent[3], y + 1);
                }
            }
        }
        return extent[2] < 0 ? null : extent;
    }
}
