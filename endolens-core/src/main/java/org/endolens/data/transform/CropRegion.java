package org.endolens.data.transform;

/**
 * A rectangle of whole pixels inside an image: what {@link RandomResizedCrop} samples before resizing (torchvision's
 * {@code get_params} returns the same four numbers as {@code i, j, h, w}).
 */
public record CropRegion(int left, int top, int width, int height) {
    public CropRegion {
        if (left < 0 || top < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("crop region needs a non-negative corner and positive size, got "
                    + width + "x" + height + " at (" + left + ", " + top + ")");
        }
    }

    /** The whole of a {@code width x height} image. */
    public static CropRegion whole(int width, int height) {
        return new CropRegion(0, 0, width, height);
    }

    /** Whether the region lies within a {@code imageWidth x imageHeight} image. */
    public boolean inside(int imageWidth, int imageHeight) {
        return left + width <= imageWidth && top + height <= imageHeight;
    }

    @Override
    public String toString() {
        return width + "x" + height + " at (" + left + ", " + top + ")";
    }
}
