package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * {@code y = x W^T + b} with PyTorch's layout ({@code weight} is [out, in]); timm's initialisation
 * (truncated normal, std 0.02; zero bias).
 */
public final class Linear extends NamedBlock {
    private final long in;
    private final long out;
    private final Parameter weight;
    private final Parameter bias;

    public Linear(long in, long out, boolean bias) {
        this(in, out, bias, new TruncatedNormalInitializer(0.02f));
    }

    /** A layer whose weight starts from {@code weightInit} (e.g. Xavier, as {@code nn.MultiheadAttention}'s projections). */
    public Linear(long in, long out, boolean bias, Initializer weightInit) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Linear needs positive sizes, got in=" + in + " out=" + out);
        }
        this.in = in;
        this.out = out;
        this.weight = parameter("weight", Parameter.Type.WEIGHT, new Shape(out, in), weightInit);
        this.bias = bias ? parameter("bias", Parameter.Type.BIAS, new Shape(out), new ConstantInitializer(0f)) : null;
    }

    public long inFeatures() {
        return in;
    }

    public long outFeatures() {
        return out;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        NDArray w = value(store, weight, x, training);
        NDArray b = bias == null ? null : value(store, bias, x, training);
        return ai.djl.nn.core.Linear.linear(x, w, b);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {s.slice(0, s.dimension() - 1).add(out)};
    }
}
