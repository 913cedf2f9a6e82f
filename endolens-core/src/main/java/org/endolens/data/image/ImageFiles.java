package org.endolens.data.image;

import org.endolens.DataFormatException;
import org.endolens.EndoLensException;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes JPEG, PNG, TIFF and BMP files into {@link BufferedImage#TYPE_3BYTE_BGR} images, the layout the JPEG decoder
 * produces itself, so the common case is never copied. Grey, palette, 16-bit, alpha and CMYK inputs are converted to
 * RGB as Pillow's {@code convert("RGB")} does (alpha is dropped, not composited); a corrupt or truncated file, including
 * one the decoder only warns about, is a {@link DataFormatException}.
 */
public final class ImageFiles {
    private static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "tif", "tiff", "bmp");

    private ImageFiles() {}

    /** Whether the file name has an image extension this class decodes (case-insensitive). */
    public static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The whole image as 8-bit RGB in a {@code TYPE_3BYTE_BGR} image. */
    public static BufferedImage read(Path file) {
        return toBgr(decode(file));
    }

    /** The image's size from its header, without decoding the pixels. */
    public static ImageSize size(Path file) {
        return withReader(file, reader -> new ImageSize(reader.getWidth(0), reader.getHeight(0)));
    }

    /** The image as its decoder returns it; decoder warnings (a missing end marker, premature end of data) fail. */
    static BufferedImage decode(Path file) {
        return withReader(file, reader -> {
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage image = reader.read(0);
            if (!warnings.isEmpty()) {
                throw corrupt(file, String.join("; ", warnings));
            }
            return image;
        });
    }

    /**
     * 8-bit grey levels, row-major: a grey image's own samples (scaled to 8 bits), otherwise the ITU-R 601 luma of
     * its RGB computed as Pillow's {@code convert("L")} does, {@code (19595 R + 38470 G + 7471 B + 2^15) >> 16}.
     */
    static byte[] greyLevels(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] grey = new byte[width * height];
        if (isGrey(image.getColorModel())) {
            Raster raster = image.getRaster();
            int max = (1 << image.getColorModel().getComponentSize(0)) - 1;
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                raster.getSamples(0, y, width, 1, 0, row);
                for (int x = 0; x < width; x++) {
                    grey[y * width + x] = (byte) (max == 255 ? row[x] : (row[x] * 255 + max / 2) / max);
                }
            }
            return grey;
        }
        byte[] bgr = pixels(toBgr(image));
        for (int i = 0, j = 0; i < grey.length; i++, j += 3) {
            int b = bgr[j] & 0xff;
            int g = bgr[j + 1] & 0xff;
            int r = bgr[j + 2] & 0xff;
            grey[i] = (byte) ((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16);
        }
        return grey;
    }

    private static BufferedImage toBgr(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = pixels(out);
        ColorModel model = image.getColorModel();
        if (isGrey(model)) {
            byte[] grey = greyLevels(image);
            for (int i = 0, j = 0; i < grey.length; i++, j += 3) {
                bgr[j] = grey[i];
                bgr[j + 1] = grey[i];
                bgr[j + 2] = grey[i];
            }
        } else if (model.getColorSpace().getType() == ColorSpace.TYPE_CMYK) {
            cmykToBgr(image.getRaster(), model.getComponentSize(0), bgr);
        } else {
            // getRGB converts any other colour model (palette, 16-bit, alpha, packed ints) to non-premultiplied sRGB.
            int[] row = new int[width];
            for (int y = 0, j = 0; y < height; y++) {
                image.getRGB(0, y, width, 1, row, 0, width);
                for (int x = 0; x < width; x++, j += 3) {
                    bgr[j] = (byte) row[x];
                    bgr[j + 1] = (byte) (row[x] >> 8);
                    bgr[j + 2] = (byte) (row[x] >> 16);
                }
            }
        }
        return out;
    }

    // Java's JPEG decoder already undoes Adobe's inverted CMYK and YCCK; this is Pillow's naive CMYK -> RGB.
    private static void cmykToBgr(Raster raster, int bits, byte[] bgr) {
        int width = raster.getWidth();
        int max = (1 << bits) - 1;
        int[] row = new int[4 * width];
        for (int y = 0, j = 0; y < raster.getHeight(); y++) {
            raster.getPixels(0, y, width, 1, row);
            for (int x = 0; x < 4 * width; x += 4, j += 3) {
                int notBlack = 255 - to8(row[x + 3], max);
                bgr[j] = (byte) times255(255 - to8(row[x + 2], max), notBlack);
                bgr[j + 1] = (byte) times255(255 - to8(row[x + 1], max), notBlack);
                bgr[j + 2] = (byte) times255(255 - to8(row[x], max), notBlack);
            }
        }
    }

    private static int to8(int sample, int max) {
        return max == 255 ? sample : (sample * 255 + max / 2) / max;
    }

    private static int times255(int a, int b) {
        return (a * b + 127) / 255;
    }

    private static boolean isGrey(ColorModel model) {
        return model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(model instanceof IndexColorModel);
    }

    private static byte[] pixels(BufferedImage bgr) {
        return ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
    }

    private static <T> T withReader(Path file, ReaderCall<T> call) {
        if (!Files.isRegularFile(file)) {
            throw new EndoLensException(file + ": no such image file");
        }
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw corrupt(file, "not a JPEG, PNG, TIFF or BMP file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return call.apply(reader);
            } finally {
                reader.dispose();
            }
        } catch (EndoLensException e) {
            throw e;
        } catch (EOFException e) {
            throw corrupt(file, "unexpected end of file");
        } catch (IOException | RuntimeException e) {
            // Decoder plug-ins also fail on damaged data with unchecked exceptions (array bounds, bad sizes).
            throw corrupt(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static DataFormatException corrupt(Path file, String reason) {
        return new DataFormatException(file + ": corrupt or truncated image (" + reason + ")");
    }

    @FunctionalInterface
    private interface ReaderCall<T> {
        T apply(ImageReader reader) throws IOException;
    }
}
