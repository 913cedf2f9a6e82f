package org.endolens.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A model's throughput with the GEMM peak measured just before it, in the same process and threads.
 *
 * @param throughput the model's timed runs
 * @param gemm the GEMM timings taken just before; the fastest size is the peak
 */
public record MfuResult(ModelThroughput throughput, List<GemmPeak.Result> gemm) {
    public MfuResult {
        gemm = List.copyOf(gemm);
    }

    @JsonProperty
    public double peakFlopsPerSecond() {
        return GemmPeak.peakFlopsPerSecond(gemm);
    }

    /** Achieved model FLOP/s over the GEMM peak. */
    @JsonProperty
    public double mfu() {
        return throughput.mfu(peakFlopsPerSecond());
    }
}
