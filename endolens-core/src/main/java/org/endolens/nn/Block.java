package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Pre-norm transformer block: {@code x + attn(norm1(x))}, then {@code x + mlp(norm2(x))} (timm names). */
public final class Block extends NamedBlock {
    private final LayerNorm norm1;
    private final Attention attn;
    private final LayerNorm norm2;
    private final Mlp mlp;
    private final float dropPath;

    public Block(TransformerSpec spec, float dropPath) {
        this(spec, dropPath, BlockInit.timm());
    }

    public Block(TransformerSpec spec, float dropPath, BlockInit init) {
        this.norm1 = child("norm1", new LayerNorm(spec.width(), spec.normEps()));
        this.attn = child("attn", new Attention(spec.width(), spec.heads(), spec.qkvBias(), init));
        this.norm2 = child("norm2", new LayerNorm(spec.width(), spec.normEps()));
        this.mlp = child("mlp", new Mlp(spec.width(), spec.mlpDim(), spec.activation(), init));
        this.dropPath = dropPath;
    }

    /** Applies the block; {@code mask} is an additive attention mask or {@code null}. */
    public NDArray apply(ParameterStore store, NDArray x, NDArray mask, boolean training) {
        NDList attnIn = mask == null ? new NDList(call(norm1, store, x, training))
                : new NDList(call(norm1, store, x, training), mask);
        NDArray h = x.add(DropPath.apply(attn.forward(store, attnIn, training, null).head(), dropPath, training));
        return h.add(DropPath.apply(call(mlp, store, call(norm2, store, h, training), training), dropPath, training));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(store, inputs.head(), inputs.size() > 1 ? inputs.get(1) : null, training));
    }
}
