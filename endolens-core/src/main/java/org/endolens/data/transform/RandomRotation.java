package org.endolens.data.transform;

import java.util.random.RandomGenerator;

/**
 * torchvision's {@code RandomRotation(degrees)}: an angle uniform in [-degrees, degrees], counter-clockwise about the
 * centre, same size, zeros outside; torchvision's default interpolation is nearest.
 */
public final class RandomRotation implements Transform {
    private final double degrees;
    private final Interpolation interpolation;

    /** Nearest interpolation, torchvision's default. */
    public RandomRotation(double degrees) {
        this(degrees, Interpolation.NEAREST);
    }

    public RandomRotation(double degrees, Interpolation interpolation) {
        if (!(degrees >= 0 && degrees <= 180)) {
            throw new IllegalArgumentException("rotation range must be in [0, 180] degrees, got " + degrees);
        }
        if (interpolation == Interpolation.BICUBIC) {
            throw new IllegalArgumentException("rotation supports nearest and bilinear interpolation, as torchvision's rotate");
        }
        this.degrees = degrees;
        this.interpolation = interpolation;
    }

    @Override
    public Sample apply(Sample sample, RandomGenerator random) {
        return sample.rotate(RandomDraws.uniform(random, -degrees, degrees), interpolation);
    }
}
