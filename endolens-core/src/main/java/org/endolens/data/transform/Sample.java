package org.endolens.data.transform;

import org.endolens.data.Box;
import org.endolens.data.image.Mask;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What flows through the transforms: an RGB image, optionally a binary mask of the same size and boxes in its pixel
 * coordinates, plus the id and class label it came with. Every geometric method moves image, mask (nearest) and boxes
 * together, so they stay aligned.
 *
 * @param id where the sample came from (a frame id), or null
 * @param image the pixels
 * @param mask segmentation mask of the image's size, or null
 * @param boxes boxes in pixel coordinates; geometric transforms drop those that leave the image
 * @param label class label, or null
 */
public record Sample(String id, RgbImage image, Mask mask, List<Box> boxes, String label) {
    public Sample {
        Objects.requireNonNull(image, "image");
        if (mask != null && (mask.width() != image.width() || mask.height() != image.height())) {
            throw new IllegalArgumentException("mask is " + mask.width() + "x" + mask.height() + " but its image is "
                    + image.width() + "x" + image.height());
        }
        boxes = boxes == null ? List.of() : List.copyOf(boxes);
    }

    /** An image with no mask, boxes, id or label. */
    public static Sample of(RgbImage image) {
        return new Sample(null, image, null, List.of(), null);
    }

    public int width() {
        return image.width();
    }

    public int height() {
        return image.height();
    }

    /** This sample with its pixels replaced by a same-size image: what photometric transforms return. */
    public Sample withImage(RgbImage replacement) {
        if (replacement.width() != width() || replacement.height() != height()) {
            throw new IllegalArgumentException("a photometric transform changed the image size from " + width() + "x"
                    + height() + " to " + replacement.width() + "x" + replacement.height());
        }
        return new Sample(id, replacement, mask, boxes, label);
    }

    /** {@code region} resized to {@code width x height}: the image with {@code interpolation}, the mask nearest. */
    public Sample resizedCrop(CropRegion region, int width, int height, Interpolation interpolation) {
        return new Sample(id, Resampler.resizedCrop(image, region, width, height, interpolation),
                movedMask(() -> PixelMap.resizedCrop(image.width(), region, width, height)),
                Affine.resizedCrop(region, width, height).apply(boxes, width, height), label);
    }

    /** Mirrored left-right. */
    public Sample flipHorizontal() {
        return new Sample(id, Resampler.flip(image, true), movedMask(() -> PixelMap.flipHorizontal(width(), height())),
                Affine.flipHorizontal(width()).apply(boxes, width(), height()), label);
    }

    /** Mirrored top-bottom. */
    public Sample flipVertical() {
        return new Sample(id, Resampler.flip(image, false), movedMask(() -> PixelMap.flipVertical(width(), height())),
                Affine.flipVertical(height()).apply(boxes, width(), height()), label);
    }

    /** Turned by {@code turns} quarter turns counter-clockwise; odd turns swap width and height. */
    public Sample rotateQuarterTurns(int turns) {
        PixelMap map = PixelMap.quarterTurns(width(), height(), turns);
        return new Sample(id, Resampler.gather(image, map), movedMask(() -> map),
                Affine.quarterTurns(width(), height(), turns).apply(boxes, map.width(), map.height()), label);
    }

    /**
     * Rotated by {@code degrees} counter-clockwise about the centre, same size, zeros where the rotated image does not
     * reach (torchvision's {@code rotate} with {@code expand=False, fill=0}); boxes become the boxes around their
     * rotated corners.
     */
    public Sample rotate(double degrees, Interpolation interpolation) {
        if (interpolation == Interpolation.BICUBIC) {
            throw new IllegalArgumentException("rotation supports nearest and bilinear interpolation, as torchvision's rotate");
        }
        PixelMap nearest = PixelMap.rotation(width(), height(), degrees);
        RgbImage rotated = interpolation == Interpolation.NEAREST ? Resampler.gather(image, nearest)
                : Resampler.rotateBilinear(image, degrees);
        return new Sample(id, rotated, movedMask(() -> nearest),
                Affine.rotation(width(), height(), degrees).apply(boxes, width(), height()), label);
    }

    /** The mask moved by the map (built only when there is a mask), false outside the source; null without a mask. */
    private Mask movedMask(Supplier<PixelMap> geometry) {
        if (mask == null) {
            return null;
        }
        PixelMap map = geometry.get();
        int[] source = map.source();
        boolean[] foreground = new boolean[source.length];
        int sourceWidth = mask.width();
        for (int i = 0; i < source.length; i++) {
            foreground[i] = source[i] != PixelMap.OUTSIDE
                    && mask.isForeground(source[i] % sourceWidth, source[i] / sourceWidth);
        }
        return Mask.copyOf(map.width(), map.height(), foreground);
    }
}
