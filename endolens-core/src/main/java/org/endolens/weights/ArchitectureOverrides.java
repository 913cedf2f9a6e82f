package org.endolens.weights;

/**
 * What a checkpoint's tensor shapes cannot tell (attention heads, activation) or what a user wants changed
 * (image size, frame count: position and time embeddings are then resampled on load). Null means "infer".
 */
public record ArchitectureOverrides(Integer heads, Integer textHeads, Integer imageSize, Integer frames, Boolean quickGelu) {
    public static final ArchitectureOverrides NONE = new ArchitectureOverrides(null, null, null, null, null);
}
