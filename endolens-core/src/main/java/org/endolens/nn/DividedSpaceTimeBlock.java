package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * TimeSformer's divided space-time block (Bertasius et al. 2021) in Endo-FM's layout. Tokens are
 * {@code [cls; patches]} with patch {@code n} of frame {@code t} at index {@code 1 + n*T + t}. Temporal attention
 * runs over the T tokens of each patch ({@code temporal_norm1}, {@code temporal_attn}, {@code temporal_fc}); spatial
 * attention runs per frame over {@code [cls; N patches]} ({@code norm1}, {@code attn}), the CLS update being
 * the mean over frames; then the MLP ({@code norm2}, {@code mlp}).
 */
public final class DividedSpaceTimeBlock extends NamedBlock {
    /** Name of the forward parameter that carries the frame count when called through {@code forward}. */
    public static final String FRAMES = "frames";

    private final long width;
    private final float dropPath;
    private final LayerNorm temporalNorm1;
    private final Attention temporalAttn;
    private final Linear temporalFc;
    private final LayerNorm norm1;
    private final Attention attn;
    private final LayerNorm norm2;
    private final Mlp mlp;

    public DividedSpaceTimeBlock(TransformerSpec spec, float dropPath) {
        this.width = spec.width();
        this.dropPath = dropPath;
        // Registration order follows Endo-FM's state dict.
        this.norm1 = child("norm1", new LayerNorm(width, spec.normEps()));
        this.attn = child("attn", new Attention(width, spec.heads(), spec.qkvBias()));
        this.temporalNorm1 = child("temporal_norm1", new LayerNorm(width, spec.normEps()));
        this.temporalAttn = child("temporal_attn", new Attention(width, spec.heads(), spec.qkvBias()));
        this.temporalFc = child("temporal_fc", new Linear(width, width, true));
        this.norm2 = child("norm2", new LayerNorm(width, spec.normEps()));
        this.mlp = child("mlp", new Mlp(width, spec.mlpDim(), spec.activation()));
    }

    /** Applies the block to {@code x (B, 1 + N*T, D)} holding {@code frames} frames. */
    public NDArray apply(ParameterStore store, NDArray x, int frames, boolean training) {
        long batch = x.getShape().get(0);
        long patchesTimesFrames = x.getShape().get(1) - 1;
        long patches = patchesTimesFrames / frames;
        NDArray initCls = x.get(":, :1, :");
        NDArray tokens = x.get(":, 1:, :");

        // Temporal: (B, N*T, D) -> (B*N, T, D)
        NDArray temporalIn = call(temporalNorm1, store, tokens.reshape(batch * patches, frames, width), training);
        NDArray temporal = call(temporalAttn, store, temporalIn, training).reshape(batch, patchesTimesFrames, width);
        temporal = DropPath.apply(call(temporalFc, store, temporal, training), dropPath, training);
        NDArray xt = tokens.add(temporal);

        // Spatial: (B, N*T, D) -> (B*T, N, D), with the CLS token repeated per frame.
        NDArray perFrame = xt.reshape(batch, patches, frames, width).transpose(0, 2, 1, 3)
                .reshape(batch * frames, patches, width);
        NDArray clsPerFrame = initCls.broadcast(batch, frames, width).reshape(batch * frames, 1, width);
        NDArray spatialIn = call(norm1, store, NDArrays.concat(new NDList(clsPerFrame, perFrame), 1), training);
        NDArray spatial = DropPath.apply(call(attn, store, spatialIn, training), dropPath, training);
        NDArray clsUpdate = spatial.get(":, 0, :").reshape(batch, frames, width).mean(new int[] {1}, true);
        NDArray patchUpdate = spatial.get(":, 1:, :").reshape(batch, frames, patches, width).transpose(0, 2, 1, 3)
                .reshape(batch, patchesTimesFrames, width);

        NDArray h = NDArrays.concat(new NDList(initCls, xt), 1).add(NDArrays.concat(new NDList(clsUpdate, patchUpdate), 1));
        return h.add(DropPath.apply(call(mlp, store, call(norm2, store, h, training), training), dropPath, training));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        Object frames = params == null ? null : params.get(FRAMES);
        if (!(frames instanceof Integer t)) {
            throw new IllegalArgumentException("DividedSpaceTimeBlock.forward needs the '" + FRAMES + "' parameter");
        }
        return new NDList(apply(store, inputs.head(), t, training));
    }
}
