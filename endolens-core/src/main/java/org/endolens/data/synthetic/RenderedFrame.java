package org.endolens.data.synthetic;

import org.endolens.data.Box;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** A rendered frame: the RGB image and, for a polyp frame, its binary mask (0/255) and the mask's bounding box. */
record RenderedFrame(BufferedImage image, BufferedImage mask, Box box) {
    private static final String BOX_LABEL = "polyp";

    RenderedFrame {
        if ((mask == null) != (box == null)) {
            throw new IllegalArgumentException("a rendered frame has both a mask and a box, or neither");
        }
    }

    /** A polyp frame: {@code mask} (row-major, 0 or 255, {@code image}'s size) and its box, which must be non-empty. */
    static RenderedFrame withMask(BufferedImage image, byte[] mask) {
        int width = image.getWidth();
        int height = image.getHeight();
        int xmin = width;
        int ymin = height;
        int xmax = -1;
        int ymax = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (mask[y * width + x] != 0) {
                    xmin = Math.min(xmin, x);
                    xmax = Math.max(xmax, x);
                    ymin = Math.min(ymin, y);
                    ymax = Math.max(ymax, y);
                }
            }
        }
        if (xmax < 0) {
            throw new IllegalStateException("the polyp lies outside the field of view");
        }
        BufferedImage maskImage = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(mask, 0, ((DataBufferByte) maskImage.getRaster().getDataBuffer()).getData(), 0, mask.length);
        return new RenderedFrame(image, maskImage, new Box(xmin, ymin, xmax + 1, ymax + 1, BOX_LABEL));
    }
}
