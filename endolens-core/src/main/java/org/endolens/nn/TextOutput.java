package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * What the text tower returns.
 *
 * @param pooled final-norm feature at the end-of-text token, {@code (B, W)}
 * @param tokens final-norm features of every token, {@code (B, L, W)}
 * @param embedding {@code pooled @ text_projection}, {@code (B, E)}
 */
public record TextOutput(NDArray pooled, NDArray tokens, NDArray embedding) {
    public NDList toList() {
        pooled.setName("pooled");
        tokens.setName("tokens");
        embedding.setName("embedding");
        return new NDList(embedding, pooled, tokens);
    }
}
