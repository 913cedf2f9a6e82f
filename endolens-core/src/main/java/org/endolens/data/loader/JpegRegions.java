package org.endolens.data.loader;

import org.endolens.DataFormatException;
import org.endolens.EndoLensException;
import org.endolens.data.image.ImageFiles;
import org.endolens.data.transform.CropRegion;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes a region of a JPEG file through ImageIO, optionally subsampled: the decoder stops after the region's last
 * row, which saves about a quarter of the decoding of a random crop. As the rows below are never decoded, the file
 * must end with the JPEG end-of-image marker; one that does not (truncated, or with trailing bytes) is first decoded
 * whole by {@link ImageFiles}, whose checks decide whether it is corrupt.
 */
final class JpegRegions {
    private static final int MARKER = 0xFF;
    private static final int END_OF_IMAGE = 0xD9;

    private JpegRegions() {}

    static boolean isJpeg(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg");
    }

    static BufferedImage read(Path file, CropRegion region, int subsampling) {
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            if (!endsWithEndOfImage(in)) {
                ImageFiles.read(file);
            }
            in.seek(0);
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw corrupt(file, "not a JPEG file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceRegion(new Rectangle(region.left(), region.top(), region.width(), region.height()));
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (!warnings.isEmpty()) {
                    throw corrupt(file, String.join("; ", warnings));
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (EndoLensException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Decoders also fail on damaged data with unchecked exceptions (array bounds, bad sizes).
            throw corrupt(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static boolean endsWithEndOfImage(ImageInputStream in) throws IOException {
        long length = in.length();
        if (length < 2) {
            return false;
        }
        in.seek(length - 2);
        return in.read() == MARKER && in.read() == END_OF_IMAGE;
    }

    private static DataFormatException corrupt(Path file, String reason) {
        return new DataFormatException(file + ": corrupt or truncated image (" + reason + ")");
    }
}
