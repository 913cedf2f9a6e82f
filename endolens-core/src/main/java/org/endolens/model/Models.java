package org.endolens.model;

import org.endolens.nn.NamedBlock;
import org.endolens.nn.VideoTransformer;
import org.endolens.nn.VisionTransformer;

import ai.djl.ndarray.NDManager;

/** Builds models from configs, like open_clip's {@code create_model}. */
public final class Models {
    private Models() {}

    /** Builds the model for {@code config}; parameters are not yet created. */
    public static NamedBlock build(ModelConfig config) {
        return switch (config.kind()) {
            case VIT -> new VisionTransformer(config.vision());
            case VIDEO -> new VideoTransformer(config.vision());
            case CLIP -> new ClipModel(config);
        };
    }

    /** Builds the model and creates its (randomly initialised) parameters on {@code manager}. */
    public static NamedBlock create(ModelConfig config, NDManager manager) {
        NamedBlock model = build(config);
        model.initialize(manager);
        return model;
    }
}
