package org.endolens.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How fast a model ran: timed batches and the analytic FLOPs each image costs.
 *
 * @param model preset name
 * @param mode {@code inference} or {@code training}
 * @param batch images per timed batch
 * @param flopsPerImage analytic FLOPs of one image ({@link VitFlops}), training already multiplied by three
 * @param timings seconds per batch (a forward, or a whole training step)
 */
public record ModelThroughput(String model, String mode, int batch, double flopsPerImage, Timings timings) {
    @JsonProperty
    public double imagesPerSecond() {
        return batch / timings.median();
    }

    @JsonProperty
    public double flopsPerSecond() {
        return flopsPerImage * imagesPerSecond();
    }

    /** Model-FLOP utilisation against a GEMM peak in FLOP/s. */
    public double mfu(double peakFlopsPerSecond) {
        return flopsPerSecond() / peakFlopsPerSecond;
    }
}
