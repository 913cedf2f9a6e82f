package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How learned position (and time) embeddings are resized for another image size or frame count:
 * bicubic as timm's {@code resample_abs_pos_embed}, nearest as Endo-FM/TimeSformer.
 */
public enum Resample {
    NEAREST(0),
    BICUBIC(3);

    // DJL's PyTorch JNI interpolation modes: 0 nearest, 2 bilinear, 3 bicubic.
    private final int torchMode;

    Resample(int torchMode) {
        this.torchMode = torchMode;
    }

    /** Resizes the last two axes of {@code (1, C, H, W)} to {@code (h, w)} (align_corners false). */
    public NDArray resize(NDArray grid, long h, long w) {
        return grid.getNDArrayInternal().interpolation(new long[] {h, w}, torchMode, false);
    }

    @JsonCreator
    public static Resample parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown resampling '" + name + "'; expected nearest or bicubic", e);
        }
    }

    @JsonValue
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
