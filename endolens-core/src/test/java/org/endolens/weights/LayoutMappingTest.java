package org.endolens.weights;

import org.endolens.model.ForwardPass;
import org.endolens.testing.SharedPaths;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Key mappings are exact inverses, layouts are detected from their keys, and HF CLIP's split q/k/v load. */
class LayoutMappingTest {
    @TempDir
    Path tmp;

    @Test
    void keyRulesRenamePrefixesAndIndexedLayers() {
        KeyRule rule = KeyRule.prefix("encoder.layers.encoder_layer_{i}.ln_1.", "blocks.{i}.norm1.");
        assertEquals("blocks.11.norm1.weight", rule.toInternal("encoder.layers.encoder_layer_11.ln_1.weight"));
        assertEquals("encoder.layers.encoder_layer_3.ln_1.bias", rule.toPublic("blocks.3.norm1.bias"));
        assertNull(rule.toInternal("encoder.layers.encoder_layer_1.ln_2.weight"));
        KeyRule exact = KeyRule.key("visual.proj", "visual.proj", TensorAdapter.NONE);
        assertNull(exact.toInternal("visual.proj.weight"));
    }

    @Test
    void everyFixtureRoundTripsThroughItsLayoutBitExactly() {
        roundTrip("torchvision-vit", Layout.TORCHVISION);
        roundTrip("open-clip", Layout.OPENCLIP);
        roundTrip("endofm-timesformer", Layout.ENDOFM);
    }

    @Test
    void layoutsAreDetectedFromSignatureKeys() {
        assertEquals(Layout.TORCHVISION, Layout.detect(Set.of("encoder.layers.encoder_layer_0.ln_1.weight")).get(0));
        assertEquals(Layout.ENDOFM, Layout.detect(Set.of("blocks.0.attn.qkv.weight", "backbone.blocks.0.temporal_attn.qkv.weight")).get(0));
        assertEquals(Layout.TIMM, Layout.detect(Set.of("blocks.0.attn.qkv.weight")).get(0));
        assertTrue(Layout.detect(Set.of("fc.weight")).isEmpty());
    }

    @Test
    void hfClipLayoutGivesTheSameFeaturesAsOpenClip() {
        Path dir = SharedPaths.requireFixtures("open-clip");
        try (NDManager m = NDManager.newBaseManager()) {
            StateDict openClip = SafeTensors.read(dir.resolve("weights.safetensors"), m);
            Map<String, NDArray> internal = Layout.OPENCLIP.mapping().toInternal(asMap(openClip)).tensors();
            Map<String, NDArray> hf = Layout.HFCLIP.mapping().toPublic(internal);
            assertTrue(hf.containsKey("vision_model.encoder.layers.1.self_attn.k_proj.weight"), hf.keySet().toString());
            assertTrue(hf.containsKey("text_model.encoder.layers.0.mlp.fc2.bias"));
            assertEquals(32L, hf.get("visual_projection.weight").getShape().get(0));
            Path hfFile = tmp.resolve("hfclip.safetensors");
            StateDict hfDict = StateDict.of(hf);
            SafeTensors.write(hfFile, hfDict, Map.of("format", "pt"));

            ArchitectureOverrides heads = new ArchitectureOverrides(2, 2, null, null, true);
            LoadedModel viaHf = CheckpointLoader.load(hfFile, null, heads, true, m);
            assertEquals(Layout.HFCLIP, viaHf.layout());
            LoadedModel viaOpenClip = CheckpointLoader.load(dir.resolve("weights.safetensors"), null, heads, true, m);
            NDArray input = Npy.read(dir.resolve("input.npy"), m);
            NDArray tokens = Npy.read(dir.resolve("tokens.npy"), m);
            Map<String, NDArray> a = ForwardPass.run(viaHf.model(), input, tokens, m);
            Map<String, NDArray> b = ForwardPass.run(viaOpenClip.model(), input, tokens, m);
            assertEquals(0f, a.get("image_features").sub(b.get("image_features")).abs().max().getFloat());
            assertEquals(0f, a.get("text_features").sub(b.get("text_features")).abs().max().getFloat());
        }
    }

    private static void roundTrip(String fixture, Layout layout) {
        Path dir = SharedPaths.requireFixtures(fixture);
        try (NDManager m = NDManager.newBaseManager()) {
            StateDict original = SafeTensors.read(dir.resolve("weights.safetensors"), m);
            KeyMapping mapping = layout.mapping();
            Map<String, NDArray> back = mapping.toPublic(mapping.toInternal(asMap(original)).tensors());
            assertEquals(original.keys(), back.keySet());
            for (String key : original.keys()) {
                NDArray a = original.get(key);
                NDArray b = back.get(key);
                assertEquals(a.getShape(), b.getShape(), key);
                assertTrue(a.contentEquals(b), key + " changed in the round trip");
            }
        }
    }

    private static Map<String, NDArray> asMap(StateDict dict) {
        Map<String, NDArray> map = new LinkedHashMap<>();
        dict.entries().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }
}
