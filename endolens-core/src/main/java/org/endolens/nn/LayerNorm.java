package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/** Layer normalisation over the last axis with PyTorch parameter names ({@code weight}, {@code bias}). */
public final class LayerNorm extends NamedBlock {
    private final Shape normalized;
    private final float eps;
    private final Parameter weight;
    private final Parameter bias;

    public LayerNorm(long width, float eps) {
        this.normalized = new Shape(width);
        this.eps = eps;
        this.weight = parameter("weight", Parameter.Type.GAMMA, normalized, new ConstantInitializer(1f));
        this.bias = parameter("bias", Parameter.Type.BETA, normalized, new ConstantInitializer(0f));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        return ai.djl.nn.norm.LayerNorm.layerNorm(
                x, normalized, value(store, weight, x, training), value(store, bias, x, training), eps);
    }
}
