package org.endolens.train;

import ai.djl.ndarray.types.Shape;

/**
 * Which parameters get weight decay. As open_clip and timm: none for 0/1-D tensors (biases, norms, the logit
 * scale) and none for the learned tokens and position/time embeddings ({@code cls_token}, {@code pos_embed},
 * {@code time_embed}, {@code positional_embedding}); every other weight matrix decays.
 */
public final class WeightDecayPolicy {
    private WeightDecayPolicy() {}

    public static boolean decays(String name, Shape shape) {
        if (shape.dimension() < 2) {
            return false;
        }
        String leaf = name.substring(name.lastIndexOf('.') + 1);
        return !(leaf.equals("cls_token") || leaf.equals("pos_embed") || leaf.equals("time_embed")
                || leaf.equals("positional_embedding") || name.contains("norm") || name.contains("logit_scale"));
    }
}
