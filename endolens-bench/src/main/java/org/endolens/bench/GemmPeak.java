package org.endolens.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.List;

/** The fp32 GEMM peak MFU is quoted against: square {@code matMul} timed in this process with its current threads. */
public final class GemmPeak {
    private GemmPeak() {}

    /**
     * The result of timing {@code n x n} by {@code n x n} products.
     *
     * @param size the matrix side n
     * @param timings seconds per product
     */
    public record Result(int size, Timings timings) {
        /** 2·n³ multiply-adds over the median time. */
        @JsonProperty
        public double flopsPerSecond() {
            return 2.0 * size * size * size / timings.median();
        }
    }

    /** The highest rate among {@code results}: the conservative denominator for MFU. */
    public static double peakFlopsPerSecond(List<Result> results) {
        return results.stream().mapToDouble(Result::flopsPerSecond).max()
                .orElseThrow(() -> new IllegalArgumentException("no GEMM results"));
    }

    /** Times {@code iterations} products after {@code warmup} untimed ones; each product is freed at once. */
    public static Result measure(NDManager manager, int size, int warmup, int iterations) {
        if (size <= 0 || warmup < 0 || iterations <= 0) {
            throw new IllegalArgumentException("GEMM size and iterations must be positive and warm-up non-negative, got size="
                    + size + " warmup=" + warmup + " iterations=" + iterations);
        }
        try (NDManager scope = manager.newSubManager()) {
            Shape shape = new Shape(size, size);
            NDArray a = scope.randomUniform(-1f, 1f, shape, DataType.FLOAT32);
            NDArray b = scope.randomUniform(-1f, 1f, shape, DataType.FLOAT32);
            List<Double> seconds = new ArrayList<>(iterations);
            for (int i = 0; i < warmup + iterations; i++) {
                long start = System.nanoTime();
                try (NDArray c = a.matMul(b)) {
                    // Reading one element waits for the product on devices that run asynchronously.
                    c.getFloat(0, 0);
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                if (i >= warmup) {
                    seconds.add(elapsed);
                }
            }
            return new Result(size, new Timings(seconds));
        }
    }
}
