package org.endolens.data.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.endolens.DataFormatException;
import org.endolens.data.image.ImageFiles;
import org.endolens.data.transform.CropRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpegRegionsTest {
    @TempDir
    Path tmp;

    private Path jpeg(String name, int width, int height) throws IOException {
        SplittableRandom random = new SplittableRandom(name.hashCode());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | random.nextInt(64));
            }
        }
        Path file = tmp.resolve(name);
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }

    @Test
    void aRegionHasExactlyThePixelsOfTheWholeDecode() throws IOException {
        Path file = jpeg("frame.jpg", 173, 121);
        BufferedImage whole = ImageFiles.read(file);
        CropRegion region = new CropRegion(17, 30, 101, 64);
        BufferedImage part = JpegRegions.read(file, region, 1);
        assertEquals(101, part.getWidth());
        assertEquals(64, part.getHeight());
        for (int y = 0; y < part.getHeight(); y++) {
            for (int x = 0; x < part.getWidth(); x++) {
                assertEquals(whole.getRGB(region.left() + x, region.top() + y), part.getRGB(x, y), "pixel (" + x + ", " + y + ")");
            }
        }
        BufferedImage subsampled = JpegRegions.read(file, region, 3);
        assertEquals(34, subsampled.getWidth());
        assertEquals(22, subsampled.getHeight());
        assertEquals(whole.getRGB(region.left() + 3 * 5, region.top() + 3 * 7), subsampled.getRGB(5, 7));
    }

    @Test
    void aTruncatedFileIsCorruptEvenWhenTheRegionIsIntact() throws IOException {
        Path file = jpeg("cut.jpg", 160, 160);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length * 3 / 4));
        DataFormatException error = assertThrows(DataFormatException.class,
                () -> JpegRegions.read(file, new CropRegion(0, 0, 40, 20), 1));
        assertTrue(error.getMessage().startsWith(file.toString()), error.getMessage());
    }

    @Test
    void trailingBytesAfterTheEndMarkerAreAccepted() throws IOException {
        Path file = jpeg("padded.jpg", 64, 48);
        Files.write(file, new byte[] {0, 0, 0, 0}, StandardOpenOption.APPEND);
        assertEquals(10, JpegRegions.read(file, new CropRegion(5, 5, 10, 10), 1).getWidth());
    }
}
