package org.endolens.data.transform;

import java.util.random.RandomGenerator;

/**
 * Rotation by 0, 90, 180 or 270 degrees counter-clockwise, each equally likely (albumentations' {@code RandomRotate90});
 * lossless, and suited to endoscopy, where the camera has no preferred up.
 */
public final class RandomRotate90 implements Transform {
    @Override
    public Sample apply(Sample sample, RandomGenerator random) {
        return sample.rotateQuarterTurns(random.nextInt(4));
    }
}
