package org.endolens.bench;

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
        public double flopsPerSecond() {
            return 2.0 * size * size * size / timings.median();
        }
    }

    /** Times {@code iterations} products after {@code warmup} untimed ones, each product in its own sub-manager. */
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
                try (NDManager step = scope.newSubManager()) {
                    long start = System.nanoTime();
                    NDArray c = a.matMul(b);
                    c.attach(step);
                    // PyTorch on CPU is eager, but reading one element makes the timing independent of that.
                    c.getFloat(0, 0);
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    if (i >= warmup) {
                        seconds.add(elapsed);
                    }
                }
            }
            return new Result(size, new Timings(seconds));
        }
    }
}
