package org.endolens.data.transform;

import java.util.Arrays;

/**
 * A named float tensor in Java memory, row-major: what views hand to the loader, which stacks the tensors of one name
 * across a batch into one NDArray. Arrays are shared, not copied.
 *
 * @param name what the tensor is ({@code image}, {@code mask}, {@code global0}, {@code local3}, ...)
 * @param shape dimensions, e.g. (C, H, W) for an image or (C, T, H, W) for a clip
 * @param data {@code product(shape)} values
 */
public record FloatTensor(String name, long[] shape, float[] data) {
    public FloatTensor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a tensor needs a name");
        }
        long size = 1;
        for (long dimension : shape) {
            if (dimension <= 0) {
                throw new IllegalArgumentException("tensor " + name + " has a non-positive dimension: "
                        + Arrays.toString(shape));
            }
            size *= dimension;
        }
        if (size != data.length) {
            throw new IllegalArgumentException("tensor " + name + " of shape " + Arrays.toString(shape) + " needs " + size
                    + " values, got " + data.length);
        }
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Whether {@code other} has this tensor's name and shape, so that both can be stacked. */
    public boolean stacksWith(FloatTensor other) {
        return name.equals(other.name) && Arrays.equals(shape, other.shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
