package org.endolens.data.transform;

/**
 * For each pixel of an output image, the source pixel it copies ({@code y * sourceWidth + x}) or -1 where the output
 * lies outside the source and gets the fill value: the nearest-neighbour geometry that images and masks share.
 */
record PixelMap(int width, int height, int[] source) {
    static final int OUTSIDE = -1;

    /** Nearest resampling of {@code region} to {@code width x height}: source pixel under each output pixel's centre. */
    static PixelMap resizedCrop(int sourceWidth, CropRegion region, int width, int height) {
        int[] columns = new int[width];
        for (int x = 0; x < width; x++) {
            columns[x] = region.left() + nearest(x, region.width(), width);
        }
        int[] source = new int[width * height];
        for (int y = 0; y < height; y++) {
            int row = (region.top() + nearest(y, region.height(), height)) * sourceWidth;
            for (int x = 0; x < width; x++) {
                source[y * width + x] = row + columns[x];
            }
        }
        return new PixelMap(width, height, source);
    }

    static PixelMap flipHorizontal(int width, int height) {
        int[] source = new int[width * height];
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i++) {
                source[i] = y * width + (width - 1 - x);
            }
        }
        return new PixelMap(width, height, source);
    }

    static PixelMap flipVertical(int width, int height) {
        int[] source = new int[width * height];
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i++) {
                source[i] = (height - 1 - y) * width + x;
            }
        }
        return new PixelMap(width, height, source);
    }

    /** {@code turns} quarter turns counter-clockwise (NumPy's {@code rot90}); odd turns swap width and height. */
    static PixelMap quarterTurns(int width, int height, int turns) {
        int k = Math.floorMod(turns, 4);
        int outWidth = k % 2 == 0 ? width : height;
        int outHeight = k % 2 == 0 ? height : width;
        int[] source = new int[width * height];
        for (int y = 0, i = 0; y < outHeight; y++) {
            for (int x = 0; x < outWidth; x++, i++) {
                source[i] = switch (k) {
                    case 0 -> y * width + x;
                    case 1 -> x * width + (width - 1 - y);
                    case 2 -> (height - 1 - y) * width + (width - 1 - x);
                    default -> (height - 1 - x) * width + y;
                };
            }
        }
        return new PixelMap(outWidth, outHeight, source);
    }

    /** Rotation by {@code degrees} counter-clockwise about the image centre, same size, nearest source pixel. */
    static PixelMap rotation(int width, int height, double degrees) {
        Affine inverse = Affine.rotation(width, height, degrees).inverse();
        int[] source = new int[width * height];
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i++) {
                double sx = inverse.x(x + 0.5, y + 0.5);
                double sy = inverse.y(x + 0.5, y + 0.5);
                source[i] = sx >= 0 && sx < width && sy >= 0 && sy < height ? (int) sy * width + (int) sx : OUTSIDE;
            }
        }
        return new PixelMap(width, height, source);
    }

    private static int nearest(int out, int inSize, int outSize) {
        return Math.min((int) ((out + 0.5) * inSize / outSize), inSize - 1);
    }
}
