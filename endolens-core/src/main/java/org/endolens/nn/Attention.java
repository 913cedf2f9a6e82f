package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head self-attention over tokens {@code (B, N, D)} with a packed {@code qkv} projection whose rows are
 * q|k|v, the layout shared by timm ({@code attn.qkv}), torchvision and open_clip ({@code in_proj_weight}).
 * An optional additive mask {@code (N, N)} (the text tower's causal mask) is passed as a second input.
 */
public final class Attention extends NamedBlock {
    private final int heads;
    private final long width;
    private final float scale;
    private final Linear qkv;
    private final Linear proj;

    public Attention(long width, int heads, boolean qkvBias) {
        this(width, heads, qkvBias, BlockInit.timm());
    }

    public Attention(long width, int heads, boolean qkvBias, BlockInit init) {
        if (heads <= 0 || width % heads != 0) {
            throw new IllegalArgumentException("width " + width + " is not divisible by heads " + heads);
        }
        this.heads = heads;
        this.width = width;
        this.scale = (float) (1.0 / Math.sqrt((double) width / heads));
        this.qkv = child("qkv", new Linear(width, 3 * width, qkvBias, init.qkv()));
        this.proj = child("proj", new Linear(width, width, true, init.proj()));
    }

    public int heads() {
        return heads;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        NDArray mask = inputs.size() > 1 ? inputs.get(1) : null;
        Shape s = x.getShape();
        long batch = s.get(0);
        long tokens = s.get(1);
        long headDim = width / heads;
        // (B, N, 3, H, d) -> (3, B, H, N, d)
        NDArray packed = call(qkv, store, x, training).reshape(batch, tokens, 3, heads, headDim).transpose(2, 0, 3, 1, 4);
        NDArray q = packed.get(0).mul(Scalars.of(packed, scale));
        NDArray k = packed.get(1);
        NDArray v = packed.get(2);
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2));
        if (mask != null) {
            scores = scores.add(mask);
        }
        NDArray mixed = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(batch, tokens, width);
        return new NDList(call(proj, store, mixed, training));
    }
}
