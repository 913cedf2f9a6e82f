package org.endolens.data.loader;

/**
 * How a {@link DataLoader} batches and prefetches.
 *
 * @param batchSize examples per batch, or with per-patient grouping, patients (groups) per batch
 * @param seed run seed: shuffling and augmentation depend on it, the epoch and the sample index only
 * @param shuffle reshuffle the order every epoch (from seed and epoch)
 * @param dropLast leave out a last batch smaller than {@code batchSize}
 * @param threads background decode threads
 * @param prefetchBatches batches decoded ahead of the consumer, which bounds memory
 * @param framesPerGroup 0 for plain batches; otherwise batches of whole groups (see {@link ExampleSource#group}),
 *     each contributing at most this many frames, a random subset when it has more and shuffling is on
 */
public record LoaderConfig(int batchSize, long seed, boolean shuffle, boolean dropLast, int threads, int prefetchBatches,
        int framesPerGroup) {
    /** As PyTorch's {@code prefetch_factor}: enough to keep every thread busy while the consumer works. */
    public static final int DEFAULT_PREFETCH_BATCHES = 2;

    public LoaderConfig {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("loader threads must be positive, got " + threads);
        }
        if (prefetchBatches <= 0) {
            throw new IllegalArgumentException("prefetch must be at least one batch, got " + prefetchBatches);
        }
        if (framesPerGroup < 0) {
            throw new IllegalArgumentException("frames per group must be non-negative, got " + framesPerGroup);
        }
    }

    /** Shuffled batches of {@code batchSize}, the last one kept, one thread per core, default prefetch. */
    public static LoaderConfig of(int batchSize, long seed) {
        return new LoaderConfig(batchSize, seed, true, false, Runtime.getRuntime().availableProcessors(),
                DEFAULT_PREFETCH_BATCHES, 0);
    }

    public LoaderConfig withThreads(int count) {
        return new LoaderConfig(batchSize, seed, shuffle, dropLast, count, prefetchBatches, framesPerGroup);
    }

    public LoaderConfig withShuffle(boolean on) {
        return new LoaderConfig(batchSize, seed, on, dropLast, threads, prefetchBatches, framesPerGroup);
    }

    public LoaderConfig withDropLast(boolean on) {
        return new LoaderConfig(batchSize, seed, shuffle, on, threads, prefetchBatches, framesPerGroup);
    }

    public LoaderConfig withPrefetchBatches(int count) {
        return new LoaderConfig(batchSize, seed, shuffle, dropLast, threads, count, framesPerGroup);
    }

    /**
     * Batches of {@code groupsPerBatch} whole patients (or exams) with at most {@code maxFrames} frames each, for
     * Endo-CLIP's patient-level unification stage.
     */
    public LoaderConfig groupedBy(int groupsPerBatch, int maxFrames) {
        if (maxFrames <= 0) {
            throw new IllegalArgumentException("frames per group must be positive, got " + maxFrames);
        }
        return new LoaderConfig(groupsPerBatch, seed, shuffle, dropLast, threads, prefetchBatches, maxFrames);
    }

    public boolean grouped() {
        return framesPerGroup > 0;
    }
}
