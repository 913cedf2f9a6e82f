package org.endolens.bench;

import java.util.List;

/**
 * Resident memory after every training step: flat after the first steps when each step frees what it made.
 *
 * @param model preset name
 * @param batch images per step
 * @param rssAfterStep resident bytes after step 1, 2, ... (each step's sub-manager already closed)
 */
public record MemoryTrace(String model, int batch, List<Long> rssAfterStep) {
    public MemoryTrace {
        rssAfterStep = List.copyOf(rssAfterStep);
    }

    public int steps() {
        return rssAfterStep.size();
    }

    /** Resident bytes after {@code step} (1-based). */
    public long rssAt(int step) {
        if (step < 1 || step > steps()) {
            throw new IllegalArgumentException("step " + step + " is outside 1.." + steps());
        }
        return rssAfterStep.get(step - 1);
    }

    /** Resident bytes after the last step minus after {@code step}: a leak makes this grow with the step count. */
    public long growthSince(int step) {
        return rssAt(steps()) - rssAt(step);
    }
}
