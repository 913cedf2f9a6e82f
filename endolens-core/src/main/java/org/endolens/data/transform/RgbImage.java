package org.endolens.data.transform;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/**
 * An RGB image as three float planes (C, H, W), values in [0, 1] until {@link Normalize} — torchvision's tensor
 * layout. A decoded image keeps its 8-bit pixels until a transform needs floats, so a crop of a large frame converts
 * only the pixels it reads; a {@link #deferred} image is not even decoded until then, and a crop decodes only its
 * region. Like the {@link Sample} holding it, an instance belongs to one thread at a time.
 */
public final class RgbImage {
    public static final int CHANNELS = 3;
    private static final float BYTE_TO_UNIT = 1f / 255f;

    private final int width;
    private final int height;
    private float[] planes;
    private Packed packed;
    private RegionDecoder decoder;

    /** An image over {@code planes}: R, G, B planes of {@code height x width} floats each, not copied. */
    public RgbImage(int width, int height, float[] planes) {
        this(width, height);
        if (planes.length != (long) CHANNELS * width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " RGB image needs " + (long) CHANNELS * width * height
                    + " floats, got " + planes.length);
        }
        this.planes = planes;
    }

    private RgbImage(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
    }

    /**
     * The pixels of {@code image}: 8-bit interleaved images ({@code TYPE_3BYTE_BGR}, which the JPEG decoder and
     * {@code ImageFiles} produce, and 8-bit grey) are wrapped without copying, so the caller must not change them
     * afterwards; other layouts are converted to sRGB through {@link BufferedImage#getRGB}.
     */
    public static RgbImage of(BufferedImage image) {
        RgbImage result = new RgbImage(image.getWidth(), image.getHeight());
        Packed wrapped = Packed.wrap(image);
        if (wrapped != null) {
            result.packed = wrapped;
            return result;
        }
        int area = result.width * result.height;
        float[] planes = new float[CHANNELS * area];
        int[] row = new int[result.width];
        for (int y = 0; y < result.height; y++) {
            image.getRGB(0, y, result.width, 1, row, 0, result.width);
            for (int x = 0, p = y * result.width; x < result.width; x++, p++) {
                planes[p] = ((row[x] >> 16) & 0xFF) * BYTE_TO_UNIT;
                planes[area + p] = ((row[x] >> 8) & 0xFF) * BYTE_TO_UNIT;
                planes[2 * area + p] = (row[x] & 0xFF) * BYTE_TO_UNIT;
            }
        }
        result.planes = planes;
        return result;
    }

    /**
     * A {@code width x height} image decoded only when first used: a resized crop decodes just its region (at reduced
     * resolution when it is at least twice the output size), anything else decodes the whole image once.
     */
    public static RgbImage deferred(int width, int height, RegionDecoder decoder) {
        RgbImage result = new RgbImage(width, height);
        result.decoder = decoder;
        return result;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * The R, G, B planes ({@code 3 x height x width}, row-major) — the image's own array, converted from 8 bits on
     * first use; read it, do not write it.
     */
    public float[] planes() {
        if (planes == null) {
            Packed pixels = packed();
            int area = width * height;
            float[] converted = new float[CHANNELS * area];
            for (int c = 0; c < CHANNELS; c++) {
                for (int y = 0; y < height; y++) {
                    int source = pixels.index(0, y, c);
                    int target = c * area + y * width;
                    for (int x = 0; x < width; x++, source += pixels.pixelStride) {
                        converted[target + x] = (pixels.data[source] & 0xFF) * BYTE_TO_UNIT;
                    }
                }
            }
            planes = converted;
        }
        return planes;
    }

    /** Channel {@code c} (0 R, 1 G, 2 B) of pixel (x, y). */
    public float get(int c, int x, int y) {
        if (c < 0 || c >= CHANNELS || x < 0 || x >= width || y < 0 || y >= height) {
            throw new IndexOutOfBoundsException("channel " + c + " of pixel (" + x + ", " + y + ") is outside the "
                    + width + "x" + height + " RGB image");
        }
        if (planes != null) {
            return planes[(c * height + y) * width + x];
        }
        Packed pixels = packed();
        return (pixels.data[pixels.index(x, y, c)] & 0xFF) * BYTE_TO_UNIT;
    }

    /** The image as a (3, H, W) tensor sharing this image's planes. */
    public FloatTensor toTensor(String name) {
        return new FloatTensor(name, new long[] {CHANNELS, height, width}, planes());
    }

    /** Decodes a deferred image whole now: for callers that crop it many times (multi-crop views). */
    void decodeWhole() {
        packed();
    }

    /** The decoder of a deferred image not decoded yet, else null. */
    RegionDecoder pendingDecoder() {
        return planes == null && packed == null ? decoder : null;
    }

    /** Whether the pixels are the decoder's 8-bit ones (no float planes made yet). */
    boolean isPacked() {
        return planes == null;
    }

    /**
     * Adds (or with {@code first}, stores) {@code weight} times {@code count} pixels of source row {@code y} from
     * column {@code x} into {@code sums}, interleaved as {@link #packedPixelStride()} values per pixel in 8-bit units:
     * the vertical pass of resampling.
     */
    void accumulatePackedRow(int y, int x, int count, float weight, boolean first, float[] sums, int sumsOffset) {
        Packed pixels = packed();
        byte[] data = pixels.data;
        int source = pixels.index(x, y, 0) - pixels.bands[0];
        int length = count * pixels.pixelStride;
        if (first) {
            for (int i = 0; i < length; i++) {
                sums[sumsOffset + i] = weight * (data[source + i] & 0xFF);
            }
        } else {
            for (int i = 0; i < length; i++) {
                sums[sumsOffset + i] += weight * (data[source + i] & 0xFF);
            }
        }
    }

    int packedPixelStride() {
        return packed().pixelStride;
    }

    /** Offset of channel {@code c} within a packed pixel. */
    int packedBand(int c) {
        return packed().bands[c];
    }

    private Packed packed() {
        if (packed == null && planes == null) {
            BufferedImage whole = decoder.decode(CropRegion.whole(width, height), 1);
            if (whole.getWidth() != width || whole.getHeight() != height) {
                throw new IllegalStateException("decoder returned a " + whole.getWidth() + "x" + whole.getHeight()
                        + " image for a " + width + "x" + height + " one");
            }
            RgbImage decoded = of(whole);
            packed = decoded.packed;
            planes = decoded.planes;
            decoder = null;
        }
        return packed;
    }

    /** 8-bit pixels as decoded: channel c of (x, y) is at {@code origin + y * rowStride + x * pixelStride + bands[c]}. */
    private record Packed(byte[] data, int origin, int rowStride, int pixelStride, int[] bands) {
        static Packed wrap(BufferedImage image) {
            Raster raster = image.getRaster();
            int type = image.getType();
            if ((type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_BYTE_GRAY)
                    && raster.getDataBuffer() instanceof DataBufferByte bytes && bytes.getNumBanks() == 1
                    && raster.getSampleModel() instanceof ComponentSampleModel model) {
                int[] offsets = model.getBandOffsets();
                int[] bands = offsets.length == 1 ? new int[] {offsets[0], offsets[0], offsets[0]}
                        : new int[] {offsets[0], offsets[1], offsets[2]};
                int origin = bytes.getOffset() - raster.getSampleModelTranslateY() * model.getScanlineStride()
                        - raster.getSampleModelTranslateX() * model.getPixelStride();
                return new Packed(bytes.getData(), origin, model.getScanlineStride(), model.getPixelStride(), bands);
            }
            return null;
        }

        int index(int x, int y, int c) {
            return origin + y * rowStride + x * pixelStride + bands[c];
        }
    }
}
