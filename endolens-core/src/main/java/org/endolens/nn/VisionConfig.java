package org.endolens.nn;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Architecture of an image or video transformer tower. {@code frames > 0} makes it a video tower with divided
 * space-time attention and a time embedding of that length; {@code numClasses > 0} adds a classifier
 * {@code head}; {@code embedDim > 0} adds CLIP's bias-free projection {@code proj}.
 */
public record VisionConfig(
        int imageSize,
        int patchSize,
        int channels,
        long width,
        int depth,
        int heads,
        long mlpDim,
        Activation activation,
        float normEps,
        boolean qkvBias,
        boolean patchBias,
        boolean preNorm,
        int numClasses,
        long embedDim,
        int frames,
        Resample posResample,
        float dropPath) {

    public VisionConfig {
        require(imageSize > 0 && patchSize > 0 && imageSize % patchSize == 0,
                "imageSize " + imageSize + " must be a positive multiple of patchSize " + patchSize);
        require(channels > 0, "channels must be positive, got " + channels);
        require(depth > 0, "depth must be positive, got " + depth);
        require(numClasses >= 0 && embedDim >= 0 && frames >= 0, "numClasses, embedDim and frames must be >= 0");
        require(dropPath >= 0f && dropPath < 1f, "dropPath must be in [0, 1), got " + dropPath);
        if (activation == null) {
            activation = Activation.GELU;
        }
        if (posResample == null) {
            posResample = frames > 0 ? Resample.NEAREST : Resample.BICUBIC;
        }
    }

    public TransformerSpec block() {
        return new TransformerSpec(width, heads, mlpDim, activation, normEps, qkvBias);
    }

    /** Patches along one side at the configured image size. */
    public int gridSize() {
        return imageSize / patchSize;
    }

    @JsonIgnore
    public boolean isVideo() {
        return frames > 0;
    }

    public VisionConfig withHeads(int newHeads) {
        return new VisionConfig(imageSize, patchSize, channels, width, depth, newHeads, mlpDim, activation, normEps,
                qkvBias, patchBias, preNorm, numClasses, embedDim, frames, posResample, dropPath);
    }

    public VisionConfig withActivation(Activation newActivation) {
        return new VisionConfig(imageSize, patchSize, channels, width, depth, heads, mlpDim, newActivation, normEps,
                qkvBias, patchBias, preNorm, numClasses, embedDim, frames, posResample, dropPath);
    }

    /**
     * The same tower built for {@code newImageSize} without classifier {@code head} or CLIP {@code proj}: the encoder
     * of a dense head, which reads patch tokens only.
     */
    public VisionConfig backbone(int newImageSize) {
        return new VisionConfig(newImageSize, patchSize, channels, width, depth, heads, mlpDim, activation, normEps,
                qkvBias, patchBias, preNorm, 0, 0, frames, posResample, dropPath);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
