package org.endolens.data.loader;

import java.util.SplittableRandom;

/**
 * Random streams derived from a run seed: one per (epoch, sample index) for augmentation and one per epoch for
 * shuffling, so a run's batches and augmentations depend on the seed alone, never on threads or timing.
 */
public final class SampleSeeds {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final long SAMPLE_DOMAIN = 0x5A4D504C45L;
    private static final long EPOCH_DOMAIN = 0x45504F4348L;

    private SampleSeeds() {}

    /** The augmentation randomness of sample {@code index} in {@code epoch}. */
    public static SplittableRandom forSample(long runSeed, int epoch, int index) {
        long perEpoch = mix(mix(runSeed ^ SAMPLE_DOMAIN) + GOLDEN_GAMMA * (epoch + 1L));
        return new SplittableRandom(mix(perEpoch + GOLDEN_GAMMA * (index + 1L)));
    }

    /** The shuffling randomness of {@code epoch}. */
    public static SplittableRandom forEpoch(long runSeed, int epoch) {
        return new SplittableRandom(mix(mix(runSeed ^ EPOCH_DOMAIN) + GOLDEN_GAMMA * (epoch + 1L)));
    }

    // SplitMix64's finaliser (Steele, Lea and Flood 2014): consecutive inputs give unrelated outputs.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
