package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * Group normalisation (Wu & He 2018) of {@code (B, C, H, W)} maps, as {@code torch.nn.GroupNorm}: mean and biased
 * variance over each group of {@code C / groups} channels and all pixels, then a per-channel {@code weight} and
 * {@code bias}. Unlike batch norm it keeps no running statistics, so it behaves the same for a batch of 2 on a CPU,
 * in training and in evaluation. The statistics are libtorch's fused layer norm over each group's values (measured
 * 5x faster, forward and backward, than composing mean and variance from elementwise ops at 128x128).
 */
public final class GroupNorm extends NamedBlock {
    private final int groups;
    private final long channels;
    private final float eps;
    private final Parameter weight;
    private final Parameter bias;

    public GroupNorm(int groups, long channels, float eps) {
        if (groups <= 0 || channels % groups != 0) {
            throw new IllegalArgumentException("channels " + channels + " must be a multiple of groups " + groups);
        }
        this.groups = groups;
        this.channels = channels;
        this.eps = eps;
        this.weight = parameter("weight", Parameter.Type.GAMMA, new Shape(channels), new ConstantInitializer(1f));
        this.bias = parameter("bias", Parameter.Type.BETA, new Shape(channels), new ConstantInitializer(0f));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        Shape shape = x.getShape();
        NDArray grouped = x.reshape(shape.get(0), groups, -1);
        Shape group = new Shape(grouped.getShape().get(2));
        NDManager scope = x.getManager();
        NDArray normalised = ai.djl.nn.norm.LayerNorm.layerNorm(grouped, group, scope.ones(group), scope.zeros(group), eps)
                .head().reshape(shape);
        NDArray w = value(store, weight, x, training).reshape(1, channels, 1, 1);
        NDArray b = value(store, bias, x, training).reshape(1, channels, 1, 1);
        return new NDList(normalised.mul(w).add(b));
    }
}
