package org.endolens.train;

/**
 * Linear warm-up then cosine decay to {@code minLr}, per optimisation step, as open_clip's {@code cosine_lr}
 * and DINO's {@code cosine_scheduler}: {@code lr = base * (step + 1) / warmup} during warm-up, then
 * {@code min + (base - min) * (1 + cos(pi * t / T)) / 2}.
 */
public record CosineSchedule(double baseLr, double minLr, long warmupSteps, long totalSteps) {
    public CosineSchedule {
        if (baseLr <= 0 || minLr < 0 || minLr > baseLr) {
            throw new IllegalArgumentException("need 0 <= minLr <= baseLr and baseLr > 0, got " + minLr + ", " + baseLr);
        }
        if (warmupSteps < 0 || totalSteps <= 0 || warmupSteps > totalSteps) {
            throw new IllegalArgumentException("need 0 <= warmupSteps <= totalSteps, got " + warmupSteps + ", " + totalSteps);
        }
    }

    public double lr(long step) {
        if (step < warmupSteps) {
            return baseLr * (step + 1) / warmupSteps;
        }
        long decay = totalSteps - warmupSteps;
        double t = decay == 0 ? 1 : Math.min(1.0, (double) (step - warmupSteps) / decay);
        return minLr + (baseLr - minLr) * 0.5 * (1 + Math.cos(Math.PI * t));
    }
}
