package org.endolens.data.image;

import org.endolens.DataFormatException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every supported format and colour model decodes to the same RGB layout; damaged files name themselves. */
class ImageFilesTest {
    @TempDir
    Path tmp;

    @Test
    void everyFormatDecodesToThreeByteBgrWithTheSamePixels() throws IOException {
        BufferedImage source = gradient(24, 16);
        for (String format : new String[] {"png", "bmp", "tiff", "jpg"}) {
            Path file = tmp.resolve("gradient." + format);
            assertTrue(ImageIO.write(source, format, file.toFile()), format);
            BufferedImage read = ImageFiles.read(file);
            assertEquals(BufferedImage.TYPE_3BYTE_BGR, read.getType(), format);
            assertEquals(new ImageSize(24, 16), ImageFiles.size(file), format);
            int tolerance = format.equals("jpg") ? 12 : 0;
            assertRgbNear(source.getRGB(5, 7), read.getRGB(5, 7), tolerance, format);
            assertRgbNear(source.getRGB(20, 3), read.getRGB(20, 3), tolerance, format);
        }
    }

    @Test
    void greyBecomesRgbWithTheSameLevelInEveryChannel() throws IOException {
        BufferedImage grey = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(1, 1, 0, 37);
        grey.getRaster().setSample(2, 0, 0, 200);
        Path file = write(grey, "grey.png");
        BufferedImage read = ImageFiles.read(file);
        assertArrayEquals(new int[] {37, 37, 37}, read.getRaster().getPixel(1, 1, (int[]) null));
        assertArrayEquals(new int[] {200, 200, 200}, read.getRaster().getPixel(2, 0, (int[]) null));
    }

    @Test
    void sixteenBitGreyIsScaledToEightBits() throws IOException {
        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        grey.getRaster().setSample(0, 0, 0, 65535);
        grey.getRaster().setSample(1, 0, 0, 257 * 100);
        BufferedImage read = ImageFiles.read(write(grey, "grey16.png"));
        assertEquals(255, read.getRaster().getSample(0, 0, 0));
        assertEquals(100, read.getRaster().getSample(1, 0, 0));
    }

    @Test
    void alphaIsDroppedNotComposited() throws IOException {
        BufferedImage argb = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x40_c8_64_32);
        BufferedImage read = ImageFiles.read(write(argb, "alpha.png"));
        assertEquals(0xc8_64_32, read.getRGB(0, 0) & 0xffffff);
    }

    @Test
    void paletteImagesUseTheirPaletteColours() throws IOException {
        byte[] r = {0, (byte) 250};
        byte[] g = {0, 20};
        byte[] b = {0, 90};
        BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_BINARY, new IndexColorModel(1, 2, r, g, b));
        indexed.getRaster().setSample(1, 0, 0, 1);
        BufferedImage read = ImageFiles.read(write(indexed, "palette.png"));
        assertEquals(0xfa_14_5a, read.getRGB(1, 0) & 0xffffff);
    }

    @Test
    void cmykJpegIsConvertedLikePillow() throws IOException {
        // JPEG files store CMYK inverted (Adobe's convention, assumed by Java's decoder and by Pillow alike):
        // magenta + yellow ink, then half black ink.
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                cmyk.setPixel(x, y, x < 8 ? new int[] {255, 0, 0, 255} : new int[] {255, 255, 255, 127});
            }
        }
        Path file = tmp.resolve("cmyk.jpg");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(cmyk, null, null), null);
        } finally {
            writer.dispose();
        }
        BufferedImage read = ImageFiles.read(file);
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, read.getType());
        assertRgbNear(0xff0000, read.getRGB(3, 3), 3, "red from magenta + yellow ink");
        assertRgbNear(0x7f7f7f, read.getRGB(12, 12), 3, "grey from half black ink");
    }

    @Test
    void truncatedJpegIsCorruptAndNamesTheFile() throws IOException {
        Path file = truncated(write(gradient(64, 64), "frame.jpg"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> ImageFiles.read(file));
        assertTrue(e.getMessage().startsWith(file + ": corrupt or truncated image ("), e.getMessage());
    }

    @Test
    void truncatedPngIsCorruptAndNamesTheFile() throws IOException {
        Path file = truncated(write(gradient(64, 64), "frame.png"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> ImageFiles.read(file));
        assertTrue(e.getMessage().startsWith(file + ": corrupt or truncated image ("), e.getMessage());
    }

    @Test
    void textIsNotAnImage() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.jpg"), "not an image");
        DataFormatException e = assertThrows(DataFormatException.class, () -> ImageFiles.size(file));
        assertTrue(e.getMessage().contains("notes.jpg") && e.getMessage().contains("not a JPEG, PNG, TIFF or BMP"),
                e.getMessage());
    }

    @Test
    void imageExtensionsAreRecognisedIgnoringCase() {
        assertTrue(ImageFiles.isImage(Path.of("a/B.JPG")));
        assertTrue(ImageFiles.isImage(Path.of("x.tiff")));
        assertFalse(ImageFiles.isImage(Path.of("labels.csv")));
        assertFalse(ImageFiles.isImage(Path.of(".png")));
    }

    static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 128);
            }
        }
        return image;
    }

    private Path write(BufferedImage image, String name) throws IOException {
        Path file = tmp.resolve(name);
        String format = name.substring(name.lastIndexOf('.') + 1);
        assertTrue(ImageIO.write(image, format, file.toFile()), "no writer for " + format);
        return file;
    }

    private static Path truncated(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return Files.write(file, Arrays.copyOf(bytes, bytes.length * 2 / 3));
    }

    private static void assertRgbNear(int expected, int actual, int tolerance, String what) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = expected >> shift & 0xff;
            int a = actual >> shift & 0xff;
            assertTrue(Math.abs(e - a) <= tolerance, what + ": expected " + Integer.toHexString(expected & 0xffffff)
                    + ", got " + Integer.toHexString(actual & 0xffffff));
        }
    }
}
