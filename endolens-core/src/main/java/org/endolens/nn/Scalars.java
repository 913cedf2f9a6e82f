package org.endolens.nn;

import ai.djl.ndarray.NDArray;

/**
 * Scalar operands that live as long as the step's arrays. DJL's PyTorch engine turns a {@code Number} operand
 * ({@code x.mul(0.5f)}, {@code x.div(2f)}, {@code x.maximum(1e-12f)}) into a temporary tensor over a Java direct
 * buffer and closes it right after the op, but autograd keeps that tensor for the backward pass of mul, div,
 * maximum, pow, ...: once the garbage collector has freed the buffer, backward reads freed memory. Measured on
 * Endo-CLIP pre-training: the same loss at a step, and a gradient norm of 4.27 in one run, 59.3 or NaN in another,
 * only when a collection ran between forward and backward (never with a no-op collector). Every number on a
 * differentiable path goes through {@link #of} instead, which puts it on the operand's manager, freed with the step.
 */
public final class Scalars {
    private Scalars() {}

    /** {@code value} as a 0-d array of {@code like}'s type on {@code like}'s manager (the step's scope). */
    public static NDArray of(NDArray like, float value) {
        return like.getManager().create(value).toType(like.getDataType(), false);
    }
}
