package org.endolens.data.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Turns one sample into the tensors of one training example: a single augmented view, or several (multi-crop). */
@FunctionalInterface
public interface SampleViews {
    /** Tensor name of a single view's image. */
    String IMAGE = "image";
    /** Tensor name of a single view's mask. */
    String MASK = "mask";

    List<FloatTensor> views(Sample sample, RandomGenerator random);

    /**
     * One view through {@code transform} (which should end with {@link Normalize}): the image as {@value #IMAGE}
     * (3, H, W) and, when the sample has one, the mask as {@value #MASK} (1, H, W) of 0 and 1.
     */
    static SampleViews single(Transform transform) {
        return (sample, random) -> {
            Sample view = transform.apply(sample, random);
            List<FloatTensor> tensors = new ArrayList<>(2);
            tensors.add(view.image().toTensor(IMAGE));
            if (view.mask() != null) {
                int width = view.width();
                float[] values = new float[width * view.height()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = view.mask().isForeground(i % width, i / width) ? 1f : 0f;
                }
                tensors.add(new FloatTensor(MASK, new long[] {1, view.height(), width}, values));
            }
            return tensors;
        };
    }
}
