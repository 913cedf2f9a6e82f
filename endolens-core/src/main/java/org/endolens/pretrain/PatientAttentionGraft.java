package org.endolens.pretrain;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.function.UnaryOperator;
import org.endolens.model.ClipModel;
import org.endolens.model.ModelConfig;
import org.endolens.model.Models;
import org.endolens.weights.LoadReport;
import org.endolens.weights.ModelWeights;

/**
 * Turns a plain CLIP model (e.g. imported from open_clip) into an Endo-CLIP model for the unify stage: the same
 * towers and logit scale, plus a patient cross-attention that starts from its own initialisation.
 */
public final class PatientAttentionGraft {
    private PatientAttentionGraft() {}

    /** {@code clip} itself when it has patient attention, else a copy with {@code heads}-head patient attention. */
    public static ClipModel apply(ClipModel clip, int heads, NDManager manager) {
        if (clip.patientAttention().isPresent()) {
            return clip;
        }
        ModelConfig c = clip.config();
        ModelConfig config = new ModelConfig(c.name() + "+patient-attention", c.kind(), c.vision(), c.text(),
                c.initLogitScale(), heads);
        ClipModel model = (ClipModel) Models.create(config, manager);
        LoadReport report = ModelWeights.load(model, ModelWeights.tensors(clip), false, config.vision().posResample(),
                c.name(), List.of(), UnaryOperator.identity());
        if (!report.unexpected().isEmpty()
                || report.missing().stream().anyMatch(k -> !k.startsWith(ClipModel.PATIENT_ATTENTION + "."))) {
            throw new IllegalStateException("copying " + c.name() + " into an Endo-CLIP model left " + report);
        }
        return model;
    }

    /** open_clip-style default: one head per 64 embedding dimensions, at least one, dividing the embedding size. */
    public static int defaultHeads(ClipModel clip) {
        int dim = Math.toIntExact(clip.config().vision().embedDim());
        int heads = Math.max(1, dim / 64);
        while (dim % heads != 0) {
            heads--;
        }
        return heads;
    }
}
