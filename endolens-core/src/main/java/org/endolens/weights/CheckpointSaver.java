package org.endolens.weights;

import org.endolens.model.ModelConfig;
import org.endolens.nn.NamedBlock;
import org.endolens.util.Json;

import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a model as an EndoLens checkpoint directory: {@code model.safetensors} in the public layout of its
 * family (so open_clip, timm or Endo-FM code can load it), {@code config.json} and {@code provenance.json};
 * atomically.
 */
public final class CheckpointSaver {
    private CheckpointSaver() {}

    public static void save(Path dir, ModelConfig config, NamedBlock model, Provenance provenance) {
        CheckpointConfig stored = CheckpointConfig.of(config);
        Map<String, ai.djl.ndarray.NDArray> tensors = stored.layout().mapping().toPublic(ModelWeights.tensors(model));
        StateDict weights = new StateDict(dir.resolve("model.safetensors").toString());
        tensors.forEach(weights::put);
        Checkpoints.write(dir, weights, Json.mapper().valueToTree(stored), provenance.toJson());
    }
}
