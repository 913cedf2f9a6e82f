package org.endolens.model;

import org.endolens.nn.Activation;
import org.endolens.nn.TextConfig;
import org.endolens.nn.VisionConfig;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A whole model's architecture, as stored in presets and in a checkpoint's {@code config.json}.
 *
 * @param name preset or descriptive name
 * @param kind which model family
 * @param vision the image or video tower
 * @param text the text tower ({@code null} unless {@code kind} is CLIP)
 * @param initLogitScale CLIP's initial log logit scale, {@code log(1/0.07)}
 * @param patientAttentionHeads Endo-CLIP: heads of the patient-level cross-attention ({@code null} for plain CLIP)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelConfig(String name, ModelKind kind, VisionConfig vision, TextConfig text, Float initLogitScale,
        Integer patientAttentionHeads) {
    /** CLIP's initial temperature 0.07 in log space. */
    public static final float DEFAULT_LOGIT_SCALE = (float) Math.log(1 / 0.07);

    public ModelConfig {
        if (kind == null || vision == null) {
            throw new IllegalArgumentException("model config '" + name + "' needs 'kind' and 'vision'");
        }
        if (kind == ModelKind.CLIP && text == null) {
            throw new IllegalArgumentException("CLIP model config '" + name + "' needs a 'text' tower");
        }
        if ((kind == ModelKind.VIDEO) != vision.isVideo()) {
            throw new IllegalArgumentException("model config '" + name + "': kind " + kind.configName()
                    + " does not match vision.frames=" + vision.frames());
        }
        if (kind == ModelKind.CLIP && vision.embedDim() != text.embedDim()) {
            throw new IllegalArgumentException("CLIP model config '" + name + "': image embedDim " + vision.embedDim()
                    + " differs from text embedDim " + text.embedDim());
        }
        if (initLogitScale == null && kind == ModelKind.CLIP) {
            initLogitScale = DEFAULT_LOGIT_SCALE;
        }
        if (patientAttentionHeads != null && (kind != ModelKind.CLIP || patientAttentionHeads <= 0
                || vision.embedDim() % patientAttentionHeads != 0)) {
            throw new IllegalArgumentException("model config '" + name + "': patientAttentionHeads needs a CLIP model whose"
                    + " embedDim is divisible by it, got " + patientAttentionHeads);
        }
    }

    /** A config without Endo-CLIP's patient attention. */
    public ModelConfig(String name, ModelKind kind, VisionConfig vision, TextConfig text, Float initLogitScale) {
        this(name, kind, vision, text, initLogitScale, null);
    }

    /** Whether this is an Endo-CLIP model (CLIP plus patient-level cross-attention). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEndoClip() {
        return patientAttentionHeads != null;
    }

    /** The same config with attention heads overridden (heads cannot be read off a checkpoint). */
    public ModelConfig withHeads(Integer visionHeads, Integer textHeads) {
        VisionConfig v = visionHeads == null ? vision : vision.withHeads(visionHeads);
        TextConfig t = text == null || textHeads == null ? text : text.withHeads(textHeads);
        return new ModelConfig(name, kind, v, t, initLogitScale, patientAttentionHeads);
    }

    /** The same config with every tower's activation replaced. */
    public ModelConfig withActivation(Activation activation) {
        return new ModelConfig(name, kind, vision.withActivation(activation),
                text == null ? null : text.withActivation(activation), initLogitScale, patientAttentionHeads);
    }
}
