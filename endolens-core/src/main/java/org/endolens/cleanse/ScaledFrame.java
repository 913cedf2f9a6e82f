package org.endolens.cleanse;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.WritableRaster;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A frame area-averaged down to at most a given size on its long side, as R, G, B and luma planes in [0, 1]. Frame
 * quality is judged at one working resolution so that features do not depend on the camera's pixel count.
 */
final class ScaledFrame {
    private static final float BYTE_TO_UNIT = 1f / 255f;
    /** ITU-R BT.601 luma weights, the ones JPEG and {@code ImageFiles}' grey levels use. */
    private static final float LUMA_RED = 0.299f;
    private static final float LUMA_GREEN = 0.587f;
    private static final float LUMA_BLUE = 0.114f;

    final int width;
    final int height;
    final float[] red;
    final float[] green;
    final float[] blue;
    final float[] luma;

    private ScaledFrame(int width, int height, float[] red, float[] green, float[] blue) {
        this.width = width;
        this.height = height;
        this.red = red;
        this.green = green;
        this.blue = blue;
        luma = new float[red.length];
        for (int i = 0; i < luma.length; i++) {
            luma[i] = LUMA_RED * red[i] + LUMA_GREEN * green[i] + LUMA_BLUE * blue[i];
        }
    }

    /**
     * The image, area-averaged so that its long side is at most {@code maxSide} (never enlarged): each output pixel is
     * the mean of the source pixels whose centres fall inside it. Decoded frames ({@code TYPE_3BYTE_BGR}) are read
     * straight from their pixel array; other layouts are converted first.
     */
    static ScaledFrame of(BufferedImage image, int maxSide) {
        if (maxSide <= 0) {
            throw new IllegalArgumentException("maxSide must be positive, got " + maxSide);
        }
        BufferedImage bgr = packedBgr(image);
        int inWidth = bgr.getWidth();
        int inHeight = bgr.getHeight();
        double scale = Math.min(1.0, (double) maxSide / Math.max(inWidth, inHeight));
        int outWidth = Math.max(1, (int) Math.round(inWidth * scale));
        int outHeight = Math.max(1, (int) Math.round(inHeight * scale));
        byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        int[] columns = cellStarts(inWidth, outWidth);
        int[] rows = cellStarts(inHeight, outHeight);
        float[] red = new float[outWidth * outHeight];
        float[] green = new float[red.length];
        float[] blue = new float[red.length];
        int rowLength = 3 * inWidth;
        RowSums sums = new RowSums(rowLength);
        for (int i = 0; i < outHeight; i++) {
            for (int y = rows[i]; y < rows[i + 1]; y++) {
                sums.add(pixels, y * rowLength);
            }
            int[] columnSums = sums.sums();
            for (int j = 0, o = i * outWidth; j < outWidth; j++, o++) {
                int b = 0;
                int g = 0;
                int r = 0;
                for (int k = 3 * columns[j]; k < 3 * columns[j + 1]; k += 3) {
                    b += columnSums[k];
                    g += columnSums[k + 1];
                    r += columnSums[k + 2];
                }
                float toUnit = BYTE_TO_UNIT / ((columns[j + 1] - columns[j]) * (rows[i + 1] - rows[i]));
                blue[o] = b * toUnit;
                green[o] = g * toUnit;
                red[o] = r * toUnit;
            }
            sums.clear();
        }
        return new ScaledFrame(outWidth, outHeight, red, green, blue);
    }

    /**
     * The first source pixel of each of {@code out} cells along an axis of {@code in >= out} pixels, plus {@code in}
     * at the end: pixel {@code x} belongs to cell {@code floor((x + 0.5) * out / in)}.
     */
    private static int[] cellStarts(int in, int out) {
        int[] starts = new int[out + 1];
        for (int j = 1; j < out; j++) {
            // The smallest x with (2x + 1) out >= 2 j in, in exact integer arithmetic.
            long numerator = 2L * j * in - out;
            starts[j] = (int) ((numerator + 2L * out - 1) / (2L * out));
        }
        starts[out] = in;
        return starts;
    }

    /** The image itself when it is a whole {@code TYPE_3BYTE_BGR} raster, else a converted copy. */
    private static BufferedImage packedBgr(BufferedImage image) {
        WritableRaster raster = image.getRaster();
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR && raster.getParent() == null
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0) {
            return image;
        }
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        var graphics = copy.createGraphics();
        try {
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return copy;
    }

    /**
     * Per-byte sums of whole source rows (B, G, R interleaved), the hot loop of downscaling. Eight bytes are added
     * at a time as four 16-bit lanes of even and four of odd bytes in two longs; 257 rows of 255 fill a lane, so
     * the lanes are emptied into int sums before that.
     */
    private static final class RowSums {
        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
                ByteOrder.LITTLE_ENDIAN);
        private static final long EVEN_BYTES = 0x00FF00FF00FF00FFL;
        private static final int LANE_BITS = 16;
        private static final int LANE_MASK = 0xFFFF;
        private static final int ROWS_PER_LANE = 257;

        private final int[] sums;
        private final long[] even;
        private final long[] odd;
        private final int chunks;
        private int rowsInLanes;

        RowSums(int rowLength) {
            sums = new int[rowLength];
            chunks = rowLength / Long.BYTES;
            even = new long[chunks];
            odd = new long[chunks];
        }

        /** Adds the row of {@code sums.length} bytes starting at {@code start}. */
        void add(byte[] pixels, int start) {
            for (int c = 0, p = start; c < chunks; c++, p += Long.BYTES) {
                long eight = (long) LONGS.get(pixels, p);
                even[c] += eight & EVEN_BYTES;
                odd[c] += (eight >>> Byte.SIZE) & EVEN_BYTES;
            }
            for (int k = chunks * Long.BYTES; k < sums.length; k++) {
                sums[k] += pixels[start + k] & 0xff;
            }
            if (++rowsInLanes == ROWS_PER_LANE) {
                emptyLanes();
            }
        }

        /** The per-byte sums of the rows added since the last {@link #clear()}. */
        int[] sums() {
            emptyLanes();
            return sums;
        }

        void clear() {
            Arrays.fill(sums, 0);
        }

        private void emptyLanes() {
            for (int c = 0, k = 0; c < chunks; c++, k += Long.BYTES) {
                long e = even[c];
                long o = odd[c];
                for (int lane = 0; lane < Long.BYTES / 2; lane++, e >>>= LANE_BITS, o >>>= LANE_BITS) {
                    sums[k + 2 * lane] += (int) e & LANE_MASK;
                    sums[k + 2 * lane + 1] += (int) o & LANE_MASK;
                }
            }
            Arrays.fill(even, 0);
            Arrays.fill(odd, 0);
            rowsInLanes = 0;
        }
    }
}
