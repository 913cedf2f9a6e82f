package org.endolens.weights;

import ai.djl.ndarray.NDArray;

/** A shape change between a public checkpoint tensor and EndoLens' parameter; each has an exact inverse. */
public enum TensorAdapter {
    /** Same tensor. */
    NONE,
    /** {@code (D)} in the checkpoint, {@code (1, 1, D)} here (open_clip's class embedding vs timm's cls_token). */
    ADD_TWO_LEADING_DIMS,
    /** {@code (N, D)} in the checkpoint, {@code (1, N, D)} here (open_clip positions vs timm pos_embed). */
    ADD_LEADING_DIM,
    /** {@code (out, in)} Linear weight in the checkpoint, {@code (in, out)} matrix here (HF CLIP projections). */
    TRANSPOSE;

    public NDArray toInternal(NDArray external) {
        return switch (this) {
            case NONE -> external;
            case ADD_TWO_LEADING_DIMS -> external.reshape(1, 1, external.getShape().get(0));
            case ADD_LEADING_DIM -> external.expandDims(0);
            case TRANSPOSE -> external.transpose().duplicate();
        };
    }

    public NDArray toPublic(NDArray internal) {
        return switch (this) {
            case NONE -> internal;
            case ADD_TWO_LEADING_DIMS -> internal.reshape(internal.getShape().get(2));
            case ADD_LEADING_DIM -> internal.squeeze(0);
            case TRANSPOSE -> internal.transpose().duplicate();
        };
    }
}
