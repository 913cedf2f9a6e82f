package org.endolens.nn;

import ai.djl.ndarray.NDArray;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The MLP non-linearities of the supported checkpoints. */
public enum Activation {
    /** Exact (erf) GELU, as torchvision, timm and Endo-FM use. */
    GELU,
    /** {@code x * sigmoid(1.702 x)}, the approximation OpenAI's CLIP was trained with. */
    QUICK_GELU;

    public NDArray apply(NDArray x) {
        return switch (this) {
            case GELU -> ai.djl.nn.Activation.gelu(x);
            case QUICK_GELU -> x.mul(ai.djl.nn.Activation.sigmoid(x.mul(Scalars.of(x, 1.702f))));
        };
    }

    /** Parses {@code gelu} or {@code quick_gelu} (as written in configs). */
    @JsonCreator
    public static Activation parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown activation '" + name + "'; expected gelu or quick_gelu", e);
        }
    }

    @JsonValue
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
