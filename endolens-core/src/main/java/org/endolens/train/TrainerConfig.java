package org.endolens.train;

/**
 * Optimisation settings of a run (open_clip's defaults where the paper gives none): AdamW with decoupled weight
 * decay, linear warm-up then cosine decay, global-norm gradient clipping, checkpoints every {@code checkpointEvery}
 * steps. {@code seed} makes a CPU run reproducible bit for bit, including across a resume.
 */
public record TrainerConfig(
        long steps,
        long warmupSteps,
        double lr,
        double minLr,
        double weightDecay,
        double clipNorm,
        long checkpointEvery,
        long logEvery,
        long seed) {

    public TrainerConfig {
        if (steps <= 0) {
            throw new IllegalArgumentException("steps must be positive, got " + steps);
        }
        if (checkpointEvery <= 0 || logEvery <= 0) {
            throw new IllegalArgumentException("checkpointEvery and logEvery must be positive");
        }
        if (weightDecay < 0 || clipNorm < 0) {
            throw new IllegalArgumentException("weightDecay and clipNorm must be >= 0 (0 disables clipping)");
        }
    }

    public CosineSchedule schedule() {
        return new CosineSchedule(lr, minLr, Math.min(warmupSteps, steps), steps);
    }
}
