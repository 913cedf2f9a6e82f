package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/** Resampling of learned position and time embeddings to other grid sizes and frame counts. */
public final class PositionEmbeddings {
    private PositionEmbeddings() {}

    /**
     * Resamples {@code (1, 1 + g*g, D)} (CLS first, then a row-major g x g grid) to a {@code gridH x gridW} grid,
     * leaving the CLS position unchanged; returns the input when the grid already matches.
     */
    public static NDArray resample(NDArray pos, int grid, long gridH, long gridW, Resample mode) {
        if (gridH == grid && gridW == grid) {
            return pos;
        }
        long width = pos.getShape().get(2);
        NDArray cls = pos.get(":, :1, :");
        NDArray map = pos.get(":, 1:, :").reshape(1, grid, grid, width).transpose(0, 3, 1, 2);
        NDArray resized = mode.resize(map, gridH, gridW).transpose(0, 2, 3, 1).reshape(1, gridH * gridW, width);
        return NDArrays.concat(new NDList(cls, resized), 1);
    }

    /** Resamples a time embedding {@code (1, T, D)} to {@code frames} entries (Endo-FM: nearest). */
    public static NDArray resampleTime(NDArray time, long frames, Resample mode) {
        long trained = time.getShape().get(1);
        if (trained == frames) {
            return time;
        }
        // (1, T, D) -> (1, D, 1, T) so the resize stretches only the time axis.
        NDArray map = time.transpose(0, 2, 1).expandDims(2);
        return mode.resize(map, 1, frames).squeeze(2).transpose(0, 2, 1);
    }
}
