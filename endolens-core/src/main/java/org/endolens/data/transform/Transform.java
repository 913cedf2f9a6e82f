package org.endolens.data.transform;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One augmentation or preprocessing step. All randomness comes from {@code random}, which the caller seeds per
 * sample (run seed, epoch, sample index), so results never depend on thread scheduling; inputs are never modified.
 */
@FunctionalInterface
public interface Transform {
    Sample apply(Sample sample, RandomGenerator random);

    /** The steps in order, as torchvision's {@code Compose}. */
    static Transform compose(Transform... steps) {
        List<Transform> chain = List.of(steps);
        return (sample, random) -> {
            Sample result = sample;
            for (Transform step : chain) {
                result = step.apply(result, random);
            }
            return result;
        };
    }
}
