package org.endolens.train;

import ai.djl.ndarray.NDArray;

/** Mean cross-entropy of logits {@code (N, C)} against integer class labels {@code (N)}, as {@code F.cross_entropy}. */
public final class CrossEntropyLoss {
    private CrossEntropyLoss() {}

    public static NDArray apply(NDArray logits, NDArray labels) {
        return logits.logSoftmax(1).gather(labels.reshape(-1, 1), 1).mean().neg();
    }
}
