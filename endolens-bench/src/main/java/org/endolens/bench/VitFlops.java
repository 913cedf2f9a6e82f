package org.endolens.bench;

import org.endolens.nn.VisionConfig;

/**
 * Analytic FLOPs of an image Vision Transformer, counting the matrix products only (FLOPs = 2 × multiply-accumulates):
 * patch embedding, qkv, attention scores and their weighted sum, output projection, MLP, classifier head and
 * CLIP projection. Norms, GELU, softmax and residual adds are left out, as in the published ViT figures.
 */
public final class VitFlops {
    /** A training step is forward plus backward, and backward costs two forwards (input and weight gradients). */
    public static final double TRAINING_MULTIPLIER = 3.0;

    private VitFlops() {}

    /** Multiply-accumulates of one image's forward pass at the configured image size. */
    public static long forwardMacs(VisionConfig config) {
        if (config.isVideo()) {
            throw new IllegalArgumentException("VitFlops counts image towers; config has frames=" + config.frames());
        }
        long patches = (long) config.gridSize() * config.gridSize();
        long tokens = patches + 1;
        long width = config.width();
        long patchEmbed = patches * width * config.channels() * config.patchSize() * config.patchSize();
        long qkv = tokens * width * 3 * width;
        // q k^T and softmax(...) v: each N x N x D summed over the heads.
        long attention = 2 * tokens * tokens * width;
        long proj = tokens * width * width;
        long mlp = 2 * tokens * width * config.mlpDim();
        long blocks = config.depth() * (qkv + attention + proj + mlp);
        long head = width * config.numClasses() + width * config.embedDim();
        return patchEmbed + blocks + head;
    }

    /** FLOPs of one image's forward pass. */
    public static double forwardFlops(VisionConfig config) {
        return 2.0 * forwardMacs(config);
    }

    /** FLOPs of one image's training step (forward, backward). */
    public static double trainingFlops(VisionConfig config) {
        return TRAINING_MULTIPLIER * forwardFlops(config);
    }
}
