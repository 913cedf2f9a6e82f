package org.endolens.data.image;

import org.endolens.data.Box;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bounding boxes of a mask's 8-connected foreground components, the way the prepared data sets count
 * {@code n_components}: components smaller than a fraction of the image are noise and get no box.
 */
public final class Boxes {
    /** The data sets' noise floor: a component needs at least 0.1 % of the image's pixels. */
    public static final double MIN_AREA_FRACTION = 0.001;

    private Boxes() {}

    /**
     * One box per component of at least {@code minAreaFraction} of the image's pixels, in the order of each
     * component's first pixel in raster order; corners are inclusive-exclusive like {@link Box}.
     */
    public static List<Box> fromMask(Mask mask, double minAreaFraction, String label) {
        if (!(minAreaFraction >= 0 && minAreaFraction <= 1)) {
            throw new IllegalArgumentException("minAreaFraction must be in [0, 1], got " + minAreaFraction);
        }
        int width = mask.width();
        int height = mask.height();
        boolean[] foreground = mask.flags();
        boolean[] seen = new boolean[foreground.length];
        double minArea = minAreaFraction * width * height;
        int[] stack = new int[256];
        List<Box> boxes = new ArrayList<>();
        for (int start = 0; start < foreground.length; start++) {
            if (!foreground[start] || seen[start]) {
                continue;
            }
            seen[start] = true;
            stack[0] = start;
            int top = 1;
            int area = 0;
            int minX = width;
            int minY = height;
            int maxX = -1;
            int maxY = -1;
            while (top > 0) {
                int p = stack[--top];
                int x = p % width;
                int y = p / width;
                area++;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                for (int ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny++) {
                    for (int nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx++) {
                        int q = ny * width + nx;
                        if (foreground[q] && !seen[q]) {
                            seen[q] = true;
                            if (top == stack.length) {
                                stack = Arrays.copyOf(stack, 2 * top);
                            }
                            stack[top++] = q;
                        }
                    }
                }
            }
            if (area >= minArea) {
                boxes.add(new Box(minX, minY, maxX + 1, maxY + 1, label));
            }
        }
        return boxes;
    }
}
