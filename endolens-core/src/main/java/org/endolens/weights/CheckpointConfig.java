package org.endolens.weights;

import org.endolens.model.ModelConfig;

/**
 * The {@code config.json} of an EndoLens checkpoint: the architecture and the public layout the tensors in
 * {@code model.safetensors} are named in (timm for ViTs, Endo-FM for video, open_clip for CLIP).
 */
public record CheckpointConfig(String format, int version, Layout layout, ModelConfig model) {
    public static final String FORMAT = "endolens-checkpoint";
    public static final int VERSION = 1;

    public static CheckpointConfig of(ModelConfig model) {
        return new CheckpointConfig(FORMAT, VERSION, Layout.canonicalFor(model.kind()), model);
    }
}
