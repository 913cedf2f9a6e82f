package org.endolens.weights;

import org.endolens.CheckpointException;
import org.endolens.model.ModelConfig;
import org.endolens.model.Models;
import org.endolens.nn.NamedBlock;
import org.endolens.util.Json;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds a model from any supported checkpoint: an EndoLens checkpoint directory, or a public PyTorch
 * ({@code .pth}/{@code .pt}) or safetensors file in one of the {@link Layout}s, whose architecture is
 * inferred from tensor shapes.
 */
public final class CheckpointLoader {
    private CheckpointLoader() {}

    /**
     * Loads {@code path}; {@code layout} may be null to detect it from the keys (ignored for EndoLens directories).
     * Parameters are created on {@code manager}.
     */
    public static LoadedModel load(Path path, Layout layout, ArchitectureOverrides overrides, boolean strict,
            NDManager manager) {
        if (Files.isDirectory(path)) {
            return loadOwn(path, overrides, strict, manager);
        }
        StateDict checkpoint = WeightFiles.read(path, manager);
        Layout resolved = resolveLayout(path, layout, checkpoint);
        KeyMapping.Result mapped = resolved.mapping().toInternal(asMap(checkpoint));
        ModelConfig config = ArchitectureInference.infer(path.toString(), resolved, mapped.tensors(), overrides);
        return build(path, config, resolved, mapped, strict, manager);
    }

    private static LoadedModel loadOwn(Path dir, ArchitectureOverrides overrides, boolean strict, NDManager manager) {
        LoadedCheckpoint checkpoint = Checkpoints.read(dir, manager);
        CheckpointConfig stored;
        try {
            stored = Json.mapper().treeToValue(checkpoint.config(), CheckpointConfig.class);
        } catch (Exception e) {
            throw new CheckpointException(dir.resolve("config.json") + ": not an EndoLens model config ("
                    + Json.reason(e) + ")", e);
        }
        ModelConfig config = stored.model();
        if (overrides.imageSize() != null || overrides.frames() != null) {
            config = resized(config, overrides);
        }
        KeyMapping.Result mapped = stored.layout().mapping().toInternal(asMap(checkpoint.weights()));
        return build(dir.resolve("model.safetensors"), config, stored.layout(), mapped, strict, manager);
    }

    private static ModelConfig resized(ModelConfig c, ArchitectureOverrides o) {
        var v = c.vision();
        var vision = new org.endolens.nn.VisionConfig(o.imageSize() != null ? o.imageSize() : v.imageSize(),
                v.patchSize(), v.channels(), v.width(), v.depth(), v.heads(), v.mlpDim(), v.activation(), v.normEps(),
                v.qkvBias(), v.patchBias(), v.preNorm(), v.numClasses(), v.embedDim(),
                o.frames() != null && v.isVideo() ? o.frames() : v.frames(), v.posResample(), v.dropPath());
        return new ModelConfig(c.name(), c.kind(), vision, c.text(), c.initLogitScale(), c.patientAttentionHeads());
    }

    private static LoadedModel build(Path source, ModelConfig config, Layout layout, KeyMapping.Result mapped,
            boolean strict, NDManager manager) {
        NamedBlock model = Models.create(config, manager);
        LoadReport report = ModelWeights.load(model, mapped.tensors(), strict, config.vision().posResample(),
                source.toString(), mapped.ignored(), layout.mapping()::publicName);
        return new LoadedModel(config, model, layout, report);
    }

    private static Layout resolveLayout(Path path, Layout requested, StateDict checkpoint) {
        List<Layout> detected = Layout.detect(checkpoint.keys());
        if (requested == null) {
            if (detected.isEmpty()) {
                throw new CheckpointException(path + ": cannot tell the checkpoint layout from its keys ("
                        + sampleKeys(checkpoint) + "); pass --layout " + Layout.names());
            }
            return detected.get(0);
        }
        if (!requested.recognises(checkpoint.keys())) {
            String hint = detected.isEmpty() ? "its keys are " + sampleKeys(checkpoint)
                    : "it looks like --layout " + detected.get(0).configName();
            throw new CheckpointException(path + ": not a " + requested.configName() + " checkpoint (no key '"
                    + requested.signatureKey() + "'); " + hint);
        }
        return requested;
    }

    private static String sampleKeys(StateDict checkpoint) {
        return checkpoint.keys().stream().limit(5).collect(Collectors.joining(", "))
                + (checkpoint.size() > 5 ? ", ..." : "");
    }

    static Map<String, NDArray> asMap(StateDict dict) {
        Map<String, NDArray> map = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : dict.entries()) {
            map.put(e.getKey(), e.getValue());
        }
        return map;
    }
}
