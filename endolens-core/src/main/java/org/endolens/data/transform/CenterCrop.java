package org.endolens.data.transform;

import java.util.random.RandomGenerator;

/**
 * torchvision's {@code CenterCrop}: the central {@code size x size} pixels, the offset rounded half to even as
 * Python's {@code round}. The image must be at least that large (resize first, as CLIP's preprocessing does).
 */
public final class CenterCrop implements Transform {
    private final int size;

    public CenterCrop(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("crop size must be positive, got " + size);
        }
        this.size = size;
    }

    @Override
    public Sample apply(Sample sample, RandomGenerator random) {
        if (sample.width() < size || sample.height() < size) {
            throw new IllegalArgumentException("a " + size + "x" + size + " centre crop needs a larger image than "
                    + sample.width() + "x" + sample.height() + "; resize the shorter side to " + size + " first");
        }
        int top = (int) Math.rint((sample.height() - size) / 2.0);
        int left = (int) Math.rint((sample.width() - size) / 2.0);
        return sample.resizedCrop(new CropRegion(left, top, size, size), size, size, Interpolation.NEAREST);
    }
}
