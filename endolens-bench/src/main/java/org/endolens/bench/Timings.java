package org.endolens.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Arrays;
import java.util.List;

/**
 * Wall-clock seconds of repeated runs after warm-up; benchmarks quote the median and show the spread as noise.
 *
 * @param seconds one entry per timed run, in run order
 */
public record Timings(List<Double> seconds) {
    public Timings {
        if (seconds.isEmpty()) {
            throw new IllegalArgumentException("Timings needs at least one timed run");
        }
        seconds = List.copyOf(seconds);
    }

    @JsonProperty
    public double median() {
        double[] sorted = sorted();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    @JsonProperty
    public double min() {
        return sorted()[0];
    }

    @JsonProperty
    public double max() {
        double[] sorted = sorted();
        return sorted[sorted.length - 1];
    }

    /** (max − min) / median: how far apart the fastest and slowest runs were, relative to the quoted median. */
    @JsonProperty
    public double spread() {
        return (max() - min()) / median();
    }

    private double[] sorted() {
        double[] values = seconds.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(values);
        return values;
    }
}
