package org.endolens.data.transform;

import java.util.random.RandomGenerator;

/** How the random transforms draw numbers and check probabilities: one draw per parameter, always. */
final class RandomDraws {
    private RandomDraws() {}

    /** Uniform in [min, max), one draw even when the range is empty (as {@code torch.empty(1).uniform_}). */
    static double uniform(RandomGenerator random, double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    static double checkProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
        }
        return p;
    }
}
