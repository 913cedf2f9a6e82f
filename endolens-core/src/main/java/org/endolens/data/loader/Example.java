package org.endolens.data.loader;

import org.endolens.data.transform.FloatTensor;

import java.util.List;

/**
 * One training example before batching: its named tensors (views, mask) and its class index.
 *
 * @param tensors stacked by name across a batch; every example of a batch must have the same names and shapes
 * @param label class index, or {@link #NO_LABEL}
 */
public record Example(List<FloatTensor> tensors, long label) {
    /** The label of an example without a class (self-supervised data, frames without a label). */
    public static final long NO_LABEL = -1;

    public Example {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("an example needs at least one tensor");
        }
        tensors = List.copyOf(tensors);
    }
}
