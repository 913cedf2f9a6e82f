package org.endolens.bench;

/**
 * How much to run: images per batch, untimed warm-up runs (first-touch allocation, kernel selection), then measured
 * runs.
 */
public record RunPlan(int batch, int warmup, int runs) {
    public RunPlan {
        if (batch <= 0 || warmup < 0 || runs <= 0) {
            throw new IllegalArgumentException("batch and runs must be positive and warm-up non-negative, got batch="
                    + batch + " warmup=" + warmup + " runs=" + runs);
        }
    }

    /** Warm-up plus measured runs. */
    public int total() {
        return warmup + runs;
    }
}
