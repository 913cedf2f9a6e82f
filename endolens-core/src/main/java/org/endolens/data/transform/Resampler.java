package org.endolens.data.transform;

import java.util.Arrays;

/**
 * Image resampling with PyTorch's antialiased separable kernels ({@code _upsample_bilinear2d_aa} /
 * {@code _upsample_bicubic2d_aa}, the same weights as PIL's {@code resize}), restricted to a crop as torchvision's
 * {@code resized_crop} is. The vertical pass runs first and reads a decoded image's 8-bit rows directly, so a crop
 * of a large frame costs in proportion to the pixels it covers.
 */
final class Resampler {
    private static final float BYTE_TO_UNIT = 1f / 255f;
    /**
     * A deferred image is decoded at 1/s resolution only while at least this many decoded pixels remain per output
     * pixel, so the antialiasing kernel still averages over them.
     */
    static final int MIN_OVERSAMPLING = 2;
    /** Vertical-pass sums, reused per thread: a crop of a 1920-pixel-wide frame needs megabytes. */
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    private Resampler() {}

    /** {@code region} of {@code image} resampled to {@code width x height}. */
    static RgbImage resizedCrop(RgbImage image, CropRegion region, int width, int height, Interpolation interpolation) {
        if (!region.inside(image.width(), image.height())) {
            throw new IllegalArgumentException("crop " + region + " is outside the " + image.width() + "x" + image.height()
                    + " image");
        }
        RegionDecoder pending = image.pendingDecoder();
        if (pending != null) {
            int subsampling = interpolation == Interpolation.NEAREST ? 1 : Math.max(1, Math.min(
                    region.width() / (MIN_OVERSAMPLING * width), region.height() / (MIN_OVERSAMPLING * height)));
            RgbImage part = RgbImage.of(pending.decode(region, subsampling));
            int expectedWidth = (region.width() + subsampling - 1) / subsampling;
            int expectedHeight = (region.height() + subsampling - 1) / subsampling;
            if (part.width() != expectedWidth || part.height() != expectedHeight) {
                throw new IllegalStateException("region decoder returned " + part.width() + "x" + part.height() + " for "
                        + region + " at 1/" + subsampling + ", expected " + expectedWidth + "x" + expectedHeight);
            }
            return resizedCrop(part, CropRegion.whole(part.width(), part.height()), width, height, interpolation);
        }
        if (interpolation == Interpolation.NEAREST || (region.width() == width && region.height() == height)) {
            return gather(image, PixelMap.resizedCrop(image.width(), region, width, height));
        }
        Taps rows = Taps.of(region.height(), height, interpolation);
        Taps columns = Taps.of(region.width(), width, interpolation);
        boolean packed = image.isPacked();
        int stride = packed ? image.packedPixelStride() : 1;
        int rowLength = region.width() * stride;
        int planeLength = height * rowLength;
        int sumsLength = packed ? planeLength : RgbImage.CHANNELS * planeLength;
        float[] sums = scratch(sumsLength);
        if (packed) {
            for (int y = 0; y < height; y++) {
                // A row's first tap overwrites whatever the scratch array held; the others add to it.
                for (int k = 0; k < rows.count[y]; k++) {
                    image.accumulatePackedRow(region.top() + rows.first[y] + k, region.left(), region.width(),
                            rows.weight(y, k), k == 0, sums, y * rowLength);
                }
            }
        } else {
            Arrays.fill(sums, 0, sumsLength, 0f);
            float[] planes = image.planes();
            for (int c = 0; c < RgbImage.CHANNELS; c++) {
                for (int y = 0; y < height; y++) {
                    int target = c * planeLength + y * rowLength;
                    for (int k = 0; k < rows.count[y]; k++) {
                        float weight = rows.weight(y, k);
                        int sourceRow = c * image.height() + region.top() + rows.first[y] + k;
                        int source = sourceRow * image.width() + region.left();
                        for (int x = 0; x < rowLength; x++) {
                            sums[target + x] += weight * planes[source + x];
                        }
                    }
                }
            }
        }
        // Horizontal pass, all three channels per tap: one weight load serves them, and packed sums are read in order.
        float unit = packed ? BYTE_TO_UNIT : 1f;
        int red = packed ? image.packedBand(0) : 0;
        int green = packed ? image.packedBand(1) : planeLength;
        int blue = packed ? image.packedBand(2) : 2 * planeLength;
        int area = width * height;
        float[] out = new float[RgbImage.CHANNELS * area];
        for (int y = 0; y < height; y++) {
            int row = y * rowLength;
            for (int x = 0; x < width; x++) {
                int at = row + columns.first[x] * stride;
                int taps = x * columns.maxTaps;
                float r = 0;
                float g = 0;
                float b = 0;
                for (int k = 0; k < columns.count[x]; k++, at += stride) {
                    float weight = columns.weights[taps + k];
                    r += weight * sums[at + red];
                    g += weight * sums[at + green];
                    b += weight * sums[at + blue];
                }
                int target = y * width + x;
                out[target] = r * unit;
                out[area + target] = g * unit;
                out[2 * area + target] = b * unit;
            }
        }
        if (interpolation == Interpolation.BICUBIC) {
            // PIL clamps its bicubic output to the 8-bit range; the kernel's negative lobes overshoot.
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.min(1f, Math.max(0f, out[i]));
            }
        }
        return new RgbImage(width, height, out);
    }

    /** Rotation by {@code degrees} counter-clockwise about the centre, bilinear, zeros outside the source. */
    static RgbImage rotateBilinear(RgbImage image, double degrees) {
        int width = image.width();
        int height = image.height();
        int area = width * height;
        float[] planes = image.planes();
        float[] out = new float[RgbImage.CHANNELS * area];
        Affine inverse = Affine.rotation(width, height, degrees).inverse();
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i++) {
                // Source position in pixel-index units (pixel centres at integers), as grid_sample with
                // align_corners=False.
                double u = inverse.x(x + 0.5, y + 0.5) - 0.5;
                double v = inverse.y(x + 0.5, y + 0.5) - 0.5;
                int x0 = (int) Math.floor(u);
                int y0 = (int) Math.floor(v);
                float fx = (float) (u - x0);
                float fy = (float) (v - y0);
                for (int c = 0; c < RgbImage.CHANNELS; c++) {
                    int plane = c * area;
                    float top = (1 - fx) * tap(planes, plane, width, height, x0, y0)
                            + fx * tap(planes, plane, width, height, x0 + 1, y0);
                    float bottom = (1 - fx) * tap(planes, plane, width, height, x0, y0 + 1)
                            + fx * tap(planes, plane, width, height, x0 + 1, y0 + 1);
                    out[plane + i] = (1 - fy) * top + fy * bottom;
                }
            }
        }
        return new RgbImage(width, height, out);
    }

    /** The image mirrored left-right or top-bottom. */
    static RgbImage flip(RgbImage image, boolean horizontal) {
        int width = image.width();
        int height = image.height();
        float[] planes = image.planes();
        float[] out = new float[planes.length];
        for (int row = 0; row < RgbImage.CHANNELS * height; row++) {
            int source = row * width;
            if (horizontal) {
                for (int x = 0, target = source + width - 1; x < width; x++, target--) {
                    out[target] = planes[source + x];
                }
            } else {
                int y = row % height;
                System.arraycopy(planes, source, out, source + (height - 1 - 2 * y) * width, width);
            }
        }
        return new RgbImage(width, height, out);
    }

    /** Each output pixel copies the source pixel {@code map} names, or is 0 outside the source. */
    static RgbImage gather(RgbImage image, PixelMap map) {
        int sourceArea = image.width() * image.height();
        int area = map.width() * map.height();
        float[] out = new float[RgbImage.CHANNELS * area];
        int[] source = map.source();
        if (image.isPacked() && area < sourceArea) {
            // A small crop of a decoded frame: read the few 8-bit pixels it needs instead of converting the frame.
            for (int i = 0; i < area; i++) {
                if (source[i] != PixelMap.OUTSIDE) {
                    int x = source[i] % image.width();
                    int y = source[i] / image.width();
                    for (int c = 0; c < RgbImage.CHANNELS; c++) {
                        out[c * area + i] = image.get(c, x, y);
                    }
                }
            }
        } else {
            float[] planes = image.planes();
            for (int c = 0; c < RgbImage.CHANNELS; c++) {
                int from = c * sourceArea;
                int to = c * area;
                for (int i = 0; i < area; i++) {
                    out[to + i] = source[i] == PixelMap.OUTSIDE ? 0f : planes[from + source[i]];
                }
            }
        }
        return new RgbImage(map.width(), map.height(), out);
    }

    private static float tap(float[] planes, int plane, int width, int height, int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0f : planes[plane + y * width + x];
    }

    private static float[] scratch(int length) {
        float[] sums = SCRATCH.get();
        if (sums.length < length) {
            sums = new float[length];
            SCRATCH.set(sums);
        }
        return sums;
    }

    /** For each output index along one axis: the first source index, the number of taps and their weights. */
    private record Taps(int[] first, int[] count, float[] weights, int maxTaps) {
        static Taps of(int inSize, int outSize, Interpolation filter) {
            double scale = (double) inSize / outSize;
            double support = filter.support() * Math.max(scale, 1.0);
            double invScale = scale >= 1.0 ? 1.0 / scale : 1.0;
            int maxTaps = (int) Math.ceil(support) * 2 + 1;
            int[] first = new int[outSize];
            int[] count = new int[outSize];
            float[] weights = new float[outSize * maxTaps];
            double[] w = new double[maxTaps];
            for (int i = 0; i < outSize; i++) {
                double center = scale * (i + 0.5);
                // Truncation toward zero, as the C++ static_cast in PyTorch's kernel.
                int min = Math.max((int) (center - support + 0.5), 0);
                int size = Math.min((int) (center + support + 0.5), inSize) - min;
                double total = 0;
                for (int j = 0; j < size; j++) {
                    w[j] = filter.weight((j + min - center + 0.5) * invScale);
                    total += w[j];
                }
                first[i] = min;
                count[i] = size;
                for (int j = 0; j < size; j++) {
                    weights[i * maxTaps + j] = (float) (total == 0 ? 0 : w[j] / total);
                }
            }
            return new Taps(first, count, weights, maxTaps);
        }

        float weight(int out, int tap) {
            return weights[out * maxTaps + tap];
        }
    }
}
