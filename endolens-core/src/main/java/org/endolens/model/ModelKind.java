package org.endolens.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The model families EndoLens builds from a {@link ModelConfig}. */
public enum ModelKind {
    /** Image Vision Transformer. */
    VIT,
    /** Video transformer with divided space-time attention. */
    VIDEO,
    /** CLIP: image and text towers with projections and a logit scale. */
    CLIP;

    @JsonCreator
    public static ModelKind parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown model kind '" + name + "'; expected vit, video or clip", e);
        }
    }

    @JsonValue
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
