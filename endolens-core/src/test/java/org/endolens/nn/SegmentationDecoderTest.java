package org.endolens.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.endolens.model.Presets;
import org.junit.jupiter.api.Test;

/** The SETR/UNETR-style decoder and the pieces it is built from. */
class SegmentationDecoderTest {
    @Test
    void evenlySpacedLayersAreSetrsBlocksForVitBAndDistinctForShallowEncoders() {
        assertEquals(List.of(2, 5, 8, 11), SegmentationDecoderConfig.evenlySpaced(12, 4, 64).layers());
        assertEquals(List.of(1, 2, 4, 5), SegmentationDecoderConfig.evenlySpaced(6, 4, 64).layers());
        assertEquals(List.of(0, 1), SegmentationDecoderConfig.evenlySpaced(2, 4, 64).layers());
        assertThrows(IllegalArgumentException.class, () -> new SegmentationDecoderConfig(List.of(3, 1), 64));
    }

    @Test
    void bilinearUpsamplingMatchesPytorchWithoutAlignedCorners() {
        // F.interpolate(torch.tensor([[[[0., 1.]]]]), size=(1, 4), mode="bilinear", align_corners=False)
        // = [0, 0.25, 0.75, 1]; the edge samples clamp to the border values.
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray grid = manager.create(new float[] {0, 1}, new Shape(1, 1, 1, 2));
            assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, Resample.BILINEAR.resize(grid, 1, 4).toFloatArray(), 1e-6f);
            // Downsampling [0, 1, 2, 3] to 2 samples at 1 and 3 with weights 0.5 / 0.5: 0.5 and 2.5.
            NDArray row = manager.create(new float[] {0, 1, 2, 3}, new Shape(1, 4));
            assertArrayEquals(new float[] {0.5f, 2.5f}, Resample.BILINEAR.resize(row, 1, 2).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void groupNormGivesEachGroupZeroMeanAndUnitVariance() {
        try (NDManager manager = NDManager.newBaseManager()) {
            GroupNorm norm = new GroupNorm(2, 4, 1e-5f);
            norm.initialize(manager);
            NDArray x = manager.randomNormal(3f, 2f, new Shape(2, 4, 3, 3), ai.djl.ndarray.types.DataType.FLOAT32);
            NDArray y = norm.forward(new ParameterStore(manager, false), new ai.djl.ndarray.NDList(x), false).head()
                    .reshape(2, 2, -1);
            assertArrayEquals(new float[4], y.mean(new int[] {2}).toFloatArray(), 1e-5f);
            float[] variance = y.sub(y.mean(new int[] {2}, true)).square().mean(new int[] {2}).toFloatArray();
            for (float v : variance) {
                assertEquals(1f, v, 1e-3f);
            }
        }
    }

    @Test
    void decoderTurnsTokensOfSeveralLayersIntoFullResolutionLogits() {
        Engine.getInstance().setRandomSeed(0);
        try (NDManager manager = NDManager.newBaseManager()) {
            VisionConfig vision = Presets.load("vit-tiny-8").vision().backbone(32);
            VisionTransformer encoder = new VisionTransformer(vision);
            encoder.initialize(manager);
            SegmentationDecoderConfig config = SegmentationDecoderConfig.evenlySpaced(vision.depth(), 4, 32);
            SegmentationDecoder decoder = new SegmentationDecoder(config, vision.width(), vision.patchSize(), vision.normEps());
            decoder.initialize(manager);
            ParameterStore store = new ParameterStore(manager, false);
            // A non-square input: 4 x 5 patches.
            NDArray images = manager.randomNormal(new Shape(2, 3, 32, 40));
            List<NDArray> tokens = encoder.layerPatchTokens(store, images, config.layers(), false);
            assertEquals(2, tokens.size());
            assertEquals(new Shape(2, 20, vision.width()), tokens.get(0).getShape());
            NDArray logits = decoder.logits(store, tokens, 4, 5, false);
            assertEquals(new Shape(2, 1, 32, 40), logits.getShape());
            assertTrue(decoder.stateParameters().containsKey("up.2.conv.weight"), decoder.stateParameters().keySet().toString());
        }
    }

    @Test
    void decoderRefusesPatchSizesThatAreNotPowersOfTwo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SegmentationDecoder(new SegmentationDecoderConfig(List.of(0), 16), 64, 14, 1e-6f));
        assertTrue(e.getMessage().contains("power-of-two"), e.getMessage());
    }
}
