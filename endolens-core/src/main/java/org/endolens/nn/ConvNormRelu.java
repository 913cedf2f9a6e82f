package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * A 3x3 convolution (padding 1, no bias), group normalisation and ReLU: the unit of the upsampling paths of
 * SETR-PUP and UNETR. The convolution starts from He (Kaiming) normal initialisation, as usual before a ReLU.
 */
public final class ConvNormRelu extends NamedBlock {
    /** Channels per normalisation group are {@code channels / GROUPS} (GroupNorm's paper uses 32 groups on wider maps). */
    public static final int GROUPS = 8;
    private static final float EPS = 1e-5f;

    private final Conv2d conv;
    private final GroupNorm norm;

    public ConvNormRelu(int in, int out) {
        this.conv = child("conv", new Conv2d(in, out, 3, 1, 1, false, Conv2d.heNormal()));
        this.norm = child("norm", new GroupNorm(out % GROUPS == 0 ? GROUPS : 1, out, EPS));
    }

    /** {@code x} through {@code stages}, each after a bilinear 2x upsampling (SETR-PUP's progressive upsampling). */
    public static NDArray upsampleThrough(ParameterStore store, List<ConvNormRelu> stages, NDArray x, boolean training) {
        NDArray out = x;
        for (ConvNormRelu stage : stages) {
            long h = out.getShape().get(2) * 2;
            long w = out.getShape().get(3) * 2;
            out = call(stage, store, Resample.BILINEAR.resize(out, h, w), training);
        }
        return out;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(ai.djl.nn.Activation.relu(call(norm, store, call(conv, store, inputs.head(), training), training)));
    }
}
