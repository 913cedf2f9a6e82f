package org.endolens.data.transform;

import java.util.random.RandomGenerator;

/** Applies a transform with probability {@code p} (torchvision's {@code RandomApply}, DINO's {@code p=} arguments). */
public final class RandomApply implements Transform {
    private final double p;
    private final Transform transform;

    public RandomApply(double p, Transform transform) {
        this.p = RandomDraws.checkProbability(p);
        this.transform = transform;
    }

    @Override
    public Sample apply(Sample sample, RandomGenerator random) {
        return random.nextDouble() < p ? transform.apply(sample, random) : sample;
    }
}
