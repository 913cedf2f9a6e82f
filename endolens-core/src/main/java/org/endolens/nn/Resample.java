package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How grids are resized: learned position (and time) embeddings for another image size or frame count (bicubic as
 * timm's {@code resample_abs_pos_embed}, nearest as Endo-FM/TimeSformer), and feature maps and logits of dense heads
 * (bilinear). All reproduce PyTorch's {@code F.interpolate(..., align_corners=False)} without antialiasing: the resize
 * is a separable linear map whose weights are computed here, applied as two matrix products on the engine (so it is
 * differentiable).
 */
public enum Resample {
    NEAREST,
    BILINEAR,
    BICUBIC;

    /** PyTorch's cubic convolution coefficient. */
    private static final double A = -0.75;

    /** Resizes the last two axes of {@code (..., H, W)} to {@code (h, w)}. */
    public NDArray resize(NDArray grid, long h, long w) {
        Shape s = grid.getShape();
        int inH = Math.toIntExact(s.get(s.dimension() - 2));
        int inW = Math.toIntExact(s.get(s.dimension() - 1));
        NDArray rows = grid.getManager().create(weights(inH, Math.toIntExact(h)), new Shape(h, inH))
                .toDevice(grid.getDevice(), false);
        NDArray cols = grid.getManager().create(weights(inW, Math.toIntExact(w)), new Shape(w, inW))
                .toDevice(grid.getDevice(), false);
        return rows.matMul(grid).matMul(cols.transpose());
    }

    /** Row-major {@code (out, in)} interpolation weights along one axis. */
    float[] weights(int in, int out) {
        float[] m = new float[out * in];
        double scale = (double) in / out;
        for (int i = 0; i < out; i++) {
            if (this == NEAREST) {
                m[i * in + Math.min((int) Math.floor(i * scale), in - 1)] = 1f;
                continue;
            }
            // align_corners=False source coordinate; PyTorch clamps it at 0 for linear, not for cubic.
            double src = scale * (i + 0.5) - 0.5;
            if (this == BILINEAR) {
                src = Math.max(src, 0);
                int low = Math.min((int) Math.floor(src), in - 1);
                int high = Math.min(low + 1, in - 1);
                double t = src - low;
                m[i * in + low] += (float) (1 - t);
                m[i * in + high] += (float) t;
                continue;
            }
            int floor = (int) Math.floor(src);
            double t = src - floor;
            double[] coefficient = {cubicFar(t + 1), cubicNear(t), cubicNear(1 - t), cubicFar(2 - t)};
            for (int k = 0; k < 4; k++) {
                int index = Math.max(0, Math.min(in - 1, floor - 1 + k));
                m[i * in + index] += (float) coefficient[k];
            }
        }
        return m;
    }

    private static double cubicNear(double x) {
        return ((A + 2) * x - (A + 3)) * x * x + 1;
    }

    private static double cubicFar(double x) {
        return ((A * x - 5 * A) * x + 8 * A) * x - 4 * A;
    }

    @JsonCreator
    public static Resample parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown resampling '" + name + "'; expected nearest, bilinear or bicubic", e);
        }
    }

    @JsonValue
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
