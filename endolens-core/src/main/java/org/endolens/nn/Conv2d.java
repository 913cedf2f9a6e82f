package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

/**
 * 2-D convolution with a square kernel, stride and zero padding, PyTorch's parameter layout ({@code weight} is
 * [out, in, k, k]): the patchifying stem of a ViT (no padding) and the convolutions of dense heads.
 */
public final class Conv2d extends NamedBlock {
    private final Shape stride;
    private final Shape padding;
    private final Parameter weight;
    private final Parameter bias;

    /** A convolution without padding, timm's initialisation (truncated normal, std 0.02; zero bias). */
    public Conv2d(int in, long out, int kernel, int stride, boolean bias) {
        this(in, out, kernel, stride, 0, bias, new TruncatedNormalInitializer(0.02f));
    }

    /** A convolution padded by {@code padding} zeros on every side whose weight starts from {@code weightInit}. */
    public Conv2d(int in, long out, int kernel, int stride, int padding, boolean bias, Initializer weightInit) {
        if (in <= 0 || out <= 0 || kernel <= 0 || stride <= 0 || padding < 0) {
            throw new IllegalArgumentException("Conv2d needs positive in, out, kernel and stride and padding >= 0, got in="
                    + in + " out=" + out + " kernel=" + kernel + " stride=" + stride + " padding=" + padding);
        }
        this.stride = new Shape(stride, stride);
        this.padding = new Shape(padding, padding);
        this.weight = parameter("weight", Parameter.Type.WEIGHT, new Shape(out, in, kernel, kernel), weightInit);
        this.bias = bias ? parameter("bias", Parameter.Type.BIAS, new Shape(out), new ConstantInitializer(0f)) : null;
    }

    /** He (Kaiming) normal initialisation, std {@code sqrt(2 / fan_in)}: for convolutions followed by a ReLU. */
    public static Initializer heNormal() {
        return new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        NDArray b = bias == null ? null : value(store, bias, x, training);
        return ai.djl.nn.convolutional.Conv2d.conv2d(x, value(store, weight, x, training), b, stride, padding);
    }
}
