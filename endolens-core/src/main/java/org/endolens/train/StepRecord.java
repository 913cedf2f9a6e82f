package org.endolens.train;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One line of a run's {@code metrics.jsonl}. */
public record StepRecord(
        long step,
        double loss,
        double lr,
        @JsonProperty("grad_norm") double gradNorm,
        @JsonProperty("steps_per_s") double stepsPerSecond) {}
