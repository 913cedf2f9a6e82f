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

/** 2-D convolution with square kernel and stride and no padding (the patchifying stem of a ViT). */
public final class Conv2d extends NamedBlock {
    private final Shape stride;
    private final Parameter weight;
    private final Parameter bias;

    public Conv2d(int in, long out, int kernel, int stride, boolean bias) {
        this(in, out, kernel, stride, bias, new TruncatedNormalInitializer(0.02f));
    }

    public Conv2d(int in, long out, int kernel, int stride, boolean bias, Initializer weightInit) {
        this.stride = new Shape(stride, stride);
        this.weight = parameter("weight", Parameter.Type.WEIGHT, new Shape(out, in, kernel, kernel), weightInit);
        this.bias = bias ? parameter("bias", Parameter.Type.BIAS, new Shape(out), new ConstantInitializer(0f)) : null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        NDArray b = bias == null ? null : value(store, bias, x, training);
        return ai.djl.nn.convolutional.Conv2d.conv2d(x, value(store, weight, x, training), b, stride);
    }
}
