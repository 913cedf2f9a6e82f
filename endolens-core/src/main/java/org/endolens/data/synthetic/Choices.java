package org.endolens.data.synthetic;

import java.util.List;
import java.util.SplittableRandom;

/** Uniform and weighted picks from a seeded source, shared by the findings sampler and the report writer. */
final class Choices {
    private Choices() {}

    @SafeVarargs
    static <T> T one(SplittableRandom random, T... options) {
        return options[random.nextInt(options.length)];
    }

    /** Picks {@code options[i]} with probability proportional to {@code weights[i]}. */
    static <T> T weighted(SplittableRandom random, List<T> options, double[] weights) {
        if (options.size() != weights.length) {
            throw new IllegalArgumentException(options.size() + " options but " + weights.length + " weights");
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return options.get(i);
            }
        }
        return options.get(options.size() - 1);
    }

    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    /** Uniform in {@code [low, high)}. */
    static double between(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }
}
