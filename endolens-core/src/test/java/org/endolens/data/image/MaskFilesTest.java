package org.endolens.data.image;

import org.endolens.DataFormatException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Masks are foreground where their grey level (Pillow's luma for colour files) is at least 128. */
class MaskFilesTest {
    @TempDir
    Path tmp;

    @Test
    void zeroAnd255PngIsReadExactly() throws IOException {
        Path file = write(block(BufferedImage.TYPE_BYTE_GRAY, Color.WHITE), "mask.png");
        Mask mask = MaskFiles.read(file, 32, 24);
        assertEquals(16 * 8, mask.foregroundPixels());
        assertTrue(mask.isForeground(8, 8));
        assertFalse(mask.isForeground(7, 8));
        assertEquals(16 * 8 / (32.0 * 24), mask.foregroundFraction(), 1e-12);
    }

    @Test
    void noisyJpegMaskIsThresholdedAt128() throws IOException {
        Path file = write(block(BufferedImage.TYPE_3BYTE_BGR, Color.WHITE), "mask.jpg");
        assertEquals(16 * 8, MaskFiles.read(file, 32, 24).foregroundPixels());
    }

    @Test
    void colourMasksUsePillowLuma() throws IOException {
        // luma(255, 0, 0) = 76 is background; luma(0, 255, 0) = 149 is foreground; grey 127 / 128 straddle the threshold.
        BufferedImage rgb = new BufferedImage(4, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xff0000);
        rgb.setRGB(1, 0, 0x00ff00);
        rgb.setRGB(2, 0, 0x7f7f7f);
        rgb.setRGB(3, 0, 0x808080);
        Mask mask = MaskFiles.read(write(rgb, "colour.png"), 4, 1);
        assertFalse(mask.isForeground(0, 0));
        assertTrue(mask.isForeground(1, 0));
        assertFalse(mask.isForeground(2, 0));
        assertTrue(mask.isForeground(3, 0));
    }

    @Test
    void zeroOneLabelMasksAreReadAsLabels() throws IOException {
        BufferedImage labels = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        labels.getRaster().setSample(1, 0, 0, 1);
        Mask mask = MaskFiles.read(write(labels, "labels.png"), 3, 1);
        assertEquals(1, mask.foregroundPixels());
        assertTrue(mask.isForeground(1, 0));
    }

    @Test
    void sizeMismatchNamesTheFileAndBothSizes() throws IOException {
        Path file = write(block(BufferedImage.TYPE_BYTE_GRAY, Color.WHITE), "small.png");
        DataFormatException e = assertThrows(DataFormatException.class, () -> MaskFiles.read(file, 40, 24));
        assertEquals(file + ": mask is 32x24 but its image is 40x24", e.getMessage());
    }

    // 32x24 with a 16x8 block of {@code colour} at (8, 8).
    private static BufferedImage block(int type, Color colour) {
        BufferedImage image = new BufferedImage(32, 24, type);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(8, 8, 16, 8);
        g.dispose();
        return image;
    }

    private Path write(BufferedImage image, String name) throws IOException {
        Path file = tmp.resolve(name);
        assertTrue(ImageIO.write(image, name.substring(name.lastIndexOf('.') + 1), file.toFile()));
        return file;
    }
}
