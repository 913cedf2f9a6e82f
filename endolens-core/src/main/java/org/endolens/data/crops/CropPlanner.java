package org.endolens.data.crops;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.endolens.data.Box;
import org.endolens.data.image.Mask;

/**
 * Where to crop a frame with a polyp mask: a window that contains the polyp (centred on its box, at least
 * {@code side} wide and 1.25 times the box), and a window of the same frame that contains none of it. Candidates
 * for the latter lie on a grid of stride side/4; those with any mask pixel, or more than a quarter of dark pixels
 * (the black border around the endoscope's view), are left out, and one of the rest is drawn at random.
 */
public final class CropPlanner {
    /** A pixel whose brightest channel is below this is dark (outside the endoscope's view). */
    static final int DARK = 30;
    static final double MAX_DARK_FRACTION = 0.25;

    private final int side;

    public CropPlanner(int side) {
        if (side < 8) {
            throw new IllegalArgumentException("crop side must be at least 8 pixels, got " + side);
        }
        this.side = side;
    }

    /** The window around {@code polyp}, clamped to the frame (and shrunk to it when the frame is smaller). */
    public CropWindow polyp(Box polyp, int width, int height) {
        int s = (int) Math.min(Math.min(width, height), Math.max(side, Math.ceil(1.25 * Math.max(polyp.width(), polyp.height()))));
        int x = clamp((int) Math.round((polyp.xmin() + polyp.xmax()) / 2 - s / 2.0), width - s);
        int y = clamp((int) Math.round((polyp.ymin() + polyp.ymax()) / 2 - s / 2.0), height - s);
        return new CropWindow(x, y, s);
    }

    /** A window of {@code image} with no pixel of {@code mask} and little dark border, if the frame has one. */
    public Optional<CropWindow> background(BufferedImage image, Mask mask, SplittableRandom random) {
        int width = mask.width();
        int height = mask.height();
        if (side > width || side > height) {
            return Optional.empty();
        }
        int stride = Math.max(1, side / 4);
        List<CropWindow> candidates = new ArrayList<>();
        for (int y = 0; y + side <= height; y += stride) {
            for (int x = 0; x + side <= width; x += stride) {
                if (!touchesMask(mask, x, y) && darkFraction(image, x, y) <= MAX_DARK_FRACTION) {
                    candidates.add(new CropWindow(x, y, side));
                }
            }
        }
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(random.nextInt(candidates.size())));
    }

    private boolean touchesMask(Mask mask, int x0, int y0) {
        for (int y = y0; y < y0 + side; y++) {
            for (int x = x0; x < x0 + side; x++) {
                if (mask.isForeground(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private double darkFraction(BufferedImage image, int x0, int y0) {
        int dark = 0;
        int samples = 0;
        for (int y = y0; y < y0 + side; y += 2) {
            for (int x = x0; x < x0 + side; x += 2) {
                int rgb = image.getRGB(x, y);
                int max = Math.max((rgb >> 16) & 0xff, Math.max((rgb >> 8) & 0xff, rgb & 0xff));
                dark += max < DARK ? 1 : 0;
                samples++;
            }
        }
        return dark / (double) samples;
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(value, max));
    }
}
