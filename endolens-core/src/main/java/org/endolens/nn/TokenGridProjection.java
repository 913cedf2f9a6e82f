package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One encoder level of a dense head on ViT patch tokens (SETR-MLA, UNETR): the tokens are layer-normalised
 * ({@code norm}), laid out on the patch grid and projected to {@code channels} by a 1x1 convolution ({@code proj}).
 */
public final class TokenGridProjection extends NamedBlock {
    private final LayerNorm norm;
    private final Conv2d proj;

    public TokenGridProjection(long width, int channels, float eps) {
        this.norm = child("norm", new LayerNorm(width, eps));
        this.proj = child("proj", new Conv2d((int) width, channels, 1, 1, 0, true, Conv2d.heNormal()));
    }

    /** Tokens {@code (B, gridH * gridW, D)} to a map {@code (B, channels, gridH, gridW)}. */
    public NDArray map(ParameterStore store, NDArray tokens, long gridH, long gridW, boolean training) {
        NDArray x = call(norm, store, tokens, training);
        long batch = x.getShape().get(0);
        long width = x.getShape().get(2);
        return call(proj, store, x.transpose(0, 2, 1).reshape(batch, width, gridH, gridW), training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("a token grid projection needs the grid size; call map()");
    }
}
