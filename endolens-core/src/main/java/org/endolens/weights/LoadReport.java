package org.endolens.weights;

import java.util.List;

/**
 * What happened when weights were loaded into a model.
 *
 * @param missing model parameters the checkpoint did not have (kept at their initial values)
 * @param unexpected checkpoint tensors the model has no parameter for (not loaded)
 * @param ignored checkpoint tensors the layout drops on purpose (buffers, pre-training heads)
 * @param resampled parameters whose position or time embeddings were resampled to the configured size
 */
public record LoadReport(List<String> missing, List<String> unexpected, List<String> ignored, List<String> resampled) {
    public boolean isClean() {
        return missing.isEmpty() && unexpected.isEmpty();
    }
}
