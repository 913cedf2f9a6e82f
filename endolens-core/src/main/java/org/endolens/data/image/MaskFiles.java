package org.endolens.data.image;

import org.endolens.DataFormatException;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Reads binary segmentation masks: 0/255 PNGs as well as noisy JPEG masks, one or three channels. A pixel is
 * foreground when its grey level (Pillow's {@code convert("L")} luma for colour files) is at least 128, the rule the
 * Kvasir-SEG and CVC-ClinicDB copies were binarised with; masks whose levels are all 0 or 1 are read as 0/1 labels.
 */
public final class MaskFiles {
    /** Grey levels at or above this are foreground. */
    public static final int THRESHOLD = 128;

    private MaskFiles() {}

    /** The mask in {@code file}, which must be {@code expectedWidth x expectedHeight} (its image's size). */
    public static Mask read(Path file, int expectedWidth, int expectedHeight) {
        BufferedImage image = ImageFiles.decode(file);
        if (image.getWidth() != expectedWidth || image.getHeight() != expectedHeight) {
            throw new DataFormatException(file + ": mask is " + image.getWidth() + "x" + image.getHeight()
                    + " but its image is " + expectedWidth + "x" + expectedHeight);
        }
        byte[] grey = ImageFiles.greyLevels(image);
        int max = 0;
        for (byte level : grey) {
            max = Math.max(max, level & 0xff);
        }
        int threshold = max <= 1 ? 1 : THRESHOLD;
        boolean[] foreground = new boolean[grey.length];
        for (int i = 0; i < grey.length; i++) {
            foreground[i] = (grey[i] & 0xff) >= threshold;
        }
        return Mask.wrap(image.getWidth(), image.getHeight(), foreground);
    }
}
