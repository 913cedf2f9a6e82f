package org.endolens.bench;

import java.util.List;

/**
 * Resident memory after every training step: flat after the first steps when each step frees what it made.
 *
 * <p>Two single readings can mislead. An allocator that hands idle pages back (glibc, jemalloc with a decay time)
 * takes them again when a step needs them, so the resident set moves by tens to hundreds of MiB from one step to the
 * next without growing; {@link #windowMean} and {@link #slope} look at many steps instead. And one that keeps freed
 * pages (the launcher's jemalloc) keeps the JIT compiler's scratch memory too, a one-off rise while hot methods are
 * compiled; {@link #jitMillisSince} tells whether the compiler was at work.
 *
 * @param model preset name
 * @param batch images per step
 * @param rssAfterStep resident bytes after step 1, 2, ... (each step's sub-manager already closed)
 * @param jitMillisAfterStep the JVM's total JIT compilation time after each step, in milliseconds: the compiler's
 *     scratch memory is freed after each compilation but an allocator that keeps freed pages keeps it resident, so
 *     growth that coincides with compilation is warm-up, not a leak
 */
public record MemoryTrace(String model, int batch, List<Long> rssAfterStep, List<Long> jitMillisAfterStep) {
    public MemoryTrace {
        rssAfterStep = List.copyOf(rssAfterStep);
        jitMillisAfterStep = List.copyOf(jitMillisAfterStep);
        if (jitMillisAfterStep.size() != rssAfterStep.size()) {
            throw new IllegalArgumentException("one JIT time per step expected: " + jitMillisAfterStep.size()
                    + " for " + rssAfterStep.size() + " steps");
        }
    }

    public int steps() {
        return rssAfterStep.size();
    }

    /** Resident bytes after {@code step} (1-based). */
    public long rssAt(int step) {
        checkStep(step);
        return rssAfterStep.get(step - 1);
    }

    /** Resident bytes after the last step minus after {@code step}: a leak makes this grow with the step count. */
    public long growthSince(int step) {
        return rssAt(steps()) - rssAt(step);
    }

    /** Milliseconds the JIT compiler worked after step {@code step} until the last step. */
    public long jitMillisSince(int step) {
        checkStep(step);
        return jitMillisAfterStep.get(steps() - 1) - jitMillisAfterStep.get(step - 1);
    }

    /** Mean resident bytes after steps {@code first..last} (1-based, inclusive). */
    public double windowMean(int first, int last) {
        checkWindow(first, last);
        return rssAfterStep.subList(first - 1, last).stream().mapToLong(Long::longValue).average().orElseThrow();
    }

    /**
     * Least-squares slope of resident bytes against the step number over steps {@code first..last}, in bytes per
     * step: a leak of {@code n} bytes a step shows as {@code n} here, whatever the step-to-step noise.
     */
    public double slope(int first, int last) {
        checkWindow(first, last);
        if (first == last) {
            throw new IllegalArgumentException("a slope needs at least two steps, got only step " + first);
        }
        double meanStep = (first + last) / 2.0;
        double meanRss = windowMean(first, last);
        double covariance = 0;
        double variance = 0;
        for (int step = first; step <= last; step++) {
            double dx = step - meanStep;
            covariance += dx * (rssAt(step) - meanRss);
            variance += dx * dx;
        }
        return covariance / variance;
    }

    private void checkWindow(int first, int last) {
        checkStep(first);
        checkStep(last);
        if (first > last) {
            throw new IllegalArgumentException("window " + first + ".." + last + " is empty");
        }
    }

    private void checkStep(int step) {
        if (step < 1 || step > steps()) {
            throw new IllegalArgumentException("step " + step + " is outside 1.." + steps());
        }
    }
}
