package org.endolens.data.transform;

import java.util.random.RandomGenerator;

/** torchvision's {@code RandomHorizontalFlip} / {@code RandomVerticalFlip}: mirrors with probability {@value #P}. */
public final class RandomFlip implements Transform {
    /** torchvision's default probability. */
    public static final double P = 0.5;

    private final boolean horizontal;

    private RandomFlip(boolean horizontal) {
        this.horizontal = horizontal;
    }

    /** Left-right. */
    public static RandomFlip horizontal() {
        return new RandomFlip(true);
    }

    /** Top-bottom. */
    public static RandomFlip vertical() {
        return new RandomFlip(false);
    }

    @Override
    public Sample apply(Sample sample, RandomGenerator random) {
        if (random.nextDouble() >= P) {
            return sample;
        }
        return horizontal ? sample.flipHorizontal() : sample.flipVertical();
    }
}
