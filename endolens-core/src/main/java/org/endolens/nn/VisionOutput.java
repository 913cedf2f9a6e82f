package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * What an image or video tower returns: the pooled feature after the final norm, every layer's CLS token
 * (for multi-level CLS fusion), the final patch tokens (for dense heads), and, when configured, classifier
 * logits and the CLIP projection. Absent outputs are {@code null}.
 *
 * @param features pooled CLS feature after the final norm, {@code (B, D)}
 * @param layerCls CLS token after each block (before the final norm), {@code (B, depth, D)}
 * @param patchTokens final-norm patch tokens, {@code (B, N, D)} ({@code N} includes frames for video)
 * @param logits {@code head(features)}, {@code (B, classes)}, or null
 * @param embedding {@code features @ proj}, {@code (B, E)}, or null
 */
public record VisionOutput(NDArray features, NDArray layerCls, NDArray patchTokens, NDArray logits, NDArray embedding) {

    /** The outputs as a named NDList (names: features, layer_cls, patch_tokens, logits, embedding). */
    public NDList toList() {
        NDList list = new NDList();
        add(list, "features", features);
        add(list, "layer_cls", layerCls);
        add(list, "patch_tokens", patchTokens);
        add(list, "logits", logits);
        add(list, "embedding", embedding);
        return list;
    }

    private static void add(NDList list, String name, NDArray array) {
        if (array != null) {
            array.setName(name);
            list.add(array);
        }
    }
}
