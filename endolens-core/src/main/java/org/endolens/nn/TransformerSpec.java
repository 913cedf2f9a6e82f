package org.endolens.nn;

/** The hyper-parameters every transformer block of a tower shares. */
public record TransformerSpec(long width, int heads, long mlpDim, Activation activation, float normEps, boolean qkvBias) {
    public TransformerSpec {
        if (width <= 0 || heads <= 0 || width % heads != 0) {
            throw new IllegalArgumentException("width " + width + " must be a positive multiple of heads " + heads);
        }
        if (mlpDim <= 0) {
            throw new IllegalArgumentException("mlpDim must be positive, got " + mlpDim);
        }
    }
}
