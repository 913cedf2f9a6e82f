package org.endolens.weights;

import org.endolens.model.Models;
import org.endolens.model.Presets;
import org.endolens.nn.NamedBlock;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A checkpoint written by EndoLens loads back bit-exactly, in the public layout of its family. */
class CheckpointSaverTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"vit-tiny-8", "timesformer-tiny-8", "clip-tiny", "endoclip-tiny"})
    void savedModelLoadsBackBitExactly(String preset) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            var config = Presets.load(preset);
            NamedBlock model = Models.create(config, m);
            Path dir = tmp.resolve(preset);
            CheckpointSaver.save(dir, config, model, Provenance.of(List.of("test", preset)).put("seed", 3));

            LoadedModel loaded = CheckpointLoader.load(dir, null, ArchitectureOverrides.NONE, true, m);
            assertEquals(config, loaded.config());
            assertTrue(loaded.report().isClean());
            Map<String, NDArray> before = ModelWeights.tensors(model);
            Map<String, NDArray> after = ModelWeights.tensors(loaded.model());
            assertEquals(before.keySet(), after.keySet());
            before.forEach((key, value) -> assertTrue(value.contentEquals(after.get(key)), key + " differs"));

            String provenance = Files.readString(dir.resolve("provenance.json"));
            assertTrue(provenance.contains("\"seed\" : 3") && provenance.contains("\"pytorch\""), provenance);
            StateDict stored = SafeTensors.read(dir.resolve("model.safetensors"), m);
            String publicKey = switch (preset) {
                case "clip-tiny", "endoclip-tiny" -> "visual.transformer.resblocks.0.attn.in_proj_weight";
                case "timesformer-tiny-8" -> "blocks.0.temporal_attn.qkv.weight";
                default -> "blocks.0.attn.qkv.weight";
            };
            assertTrue(stored.contains(publicKey), stored.keys().toString());
        }
    }
}
