package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

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

    /**
     * The tokens of each layer ({@code (B, gridH * gridW, D)}, one list entry per level, in order) through their
     * level's projection, concatenated along channels: {@code (B, levels * channels, gridH, gridW)}.
     */
    public static NDArray concatLevels(ParameterStore store, List<TokenGridProjection> levels, List<NDArray> layerTokens,
            long gridH, long gridW, boolean training) {
        if (layerTokens.size() != levels.size()) {
            throw new IllegalArgumentException("expected the tokens of " + levels.size() + " layers, got "
                    + layerTokens.size());
        }
        NDList maps = new NDList(layerTokens.size());
        for (int i = 0; i < layerTokens.size(); i++) {
            maps.add(levels.get(i).map(store, layerTokens.get(i), gridH, gridW, training));
        }
        return NDArrays.concat(maps, 1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("a token grid projection needs the grid size; call map()");
    }
}
