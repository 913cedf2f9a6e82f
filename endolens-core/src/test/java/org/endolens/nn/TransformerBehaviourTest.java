package org.endolens.nn;

import org.endolens.model.ClipModel;
import org.endolens.model.Models;
import org.endolens.model.Presets;
import org.endolens.text.ByteLevelTokenizer;
import org.endolens.train.ClipLoss;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shapes, masking and trainability of the towers on tiny presets. */
class TransformerBehaviourTest {

    @Test
    void vitReturnsFeaturesEveryLayersClsAndPatchTokensAtAnyMultipleOfThePatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            VisionTransformer vit = (VisionTransformer) Models.create(Presets.load("vit-tiny-8"), m);
            ParameterStore store = new ParameterStore(m, false);
            VisionOutput o = vit.encode(store, m.randomNormal(new Shape(2, 3, 32, 32)), false);
            assertArrayEquals(new long[] {2, 64}, o.features().getShape().getShape());
            assertArrayEquals(new long[] {2, 2, 64}, o.layerCls().getShape().getShape());
            assertArrayEquals(new long[] {2, 16, 64}, o.patchTokens().getShape().getShape());
            VisionOutput larger = vit.encode(store, m.randomNormal(new Shape(1, 3, 48, 40)), false);
            assertArrayEquals(new long[] {1, 30, 64}, larger.patchTokens().getShape().getShape());
        }
    }

    @Test
    void videoTransformerAcceptsOtherFrameCountsAndSizes() {
        try (NDManager m = NDManager.newBaseManager()) {
            VideoTransformer video = (VideoTransformer) Models.create(Presets.load("timesformer-tiny-8"), m);
            ParameterStore store = new ParameterStore(m, false);
            for (int frames : new int[] {1, 2, 4, 7}) {
                VisionOutput o = video.encode(store, m.randomNormal(new Shape(2, 3, frames, 16, 24)), false);
                assertArrayEquals(new long[] {2, 6L * frames, 64}, o.patchTokens().getShape().getShape());
                assertArrayEquals(new long[] {2, 64}, o.features().getShape().getShape());
            }
        }
    }

    @Test
    void textTokensDoNotSeeLaterTokens() {
        try (NDManager m = NDManager.newBaseManager()) {
            ClipModel clip = (ClipModel) Models.create(Presets.load("clip-tiny"), m);
            long[][] ids = new ByteLevelTokenizer().encode(List.of("sessile polyp in the cecum", "sessile polyp, ascending"), 32);
            NDArray tokens = m.create(new long[][] {ids[0], ids[1]});
            NDArray perToken = clip.encodeText(new ParameterStore(m, false), tokens, false).tokens();
            // "sessile polyp" + SOT = 14 shared leading tokens
            NDArray a = perToken.get("0, :14, :");
            NDArray b = perToken.get("1, :14, :");
            assertTrue(a.sub(b).abs().max().getFloat() < 1e-5f, "causal mask leaks future tokens");
            assertTrue(perToken.get("0, 14, :").sub(perToken.get("1, 14, :")).abs().max().getFloat() > 1e-3f);
        }
    }

    @Test
    void clipLossFallsAndEveryParameterGetsAGradient() {
        Engine.getInstance().setRandomSeed(7);
        try (NDManager m = NDManager.newBaseManager()) {
            ClipModel clip = (ClipModel) Models.create(Presets.load("clip-tiny"), m);
            NDArray images = m.randomNormal(new Shape(4, 3, 32, 32));
            long[][] ids = new ByteLevelTokenizer().encode(
                    List.of("polyp", "normal mucosa", "bubbles", "dark frame"), 16);
            NDArray tokens = m.create(ids);
            Optimizer adam = Optimizer.adamW().optLearningRateTracker(Tracker.fixed(3e-3f)).optWeightDecays(0f).build();
            ParameterStore store = new ParameterStore(m, false);
            Map<String, Parameter> params = clip.stateParameters();
            float first = 0;
            float last = 0;
            for (int step = 0; step < 40; step++) {
                try (NDManager stepScope = m.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDList out = clip.forward(store, new NDList(images, tokens), true);
                    NDArray loss = new ClipLoss().apply(out.get(0), out.get(1), clip.logitScale(store, images, true));
                    gc.backward(loss);
                    float value = loss.getFloat();
                    if (step == 0) {
                        first = value;
                        for (Map.Entry<String, Parameter> e : params.entrySet()) {
                            NDArray grad = e.getValue().getArray().getGradient();
                            assertTrue(grad.abs().sum().getFloat() > 0f, "no gradient reaches " + e.getKey());
                        }
                    }
                    last = value;
                    for (Map.Entry<String, Parameter> e : params.entrySet()) {
                        NDArray weight = e.getValue().getArray();
                        NDArray grad = weight.getGradient();
                        stepScope.tempAttachAll(grad);
                        adam.update(e.getKey(), weight, grad);
                        grad.subi(grad);
                    }
                    stepScope.tempAttachAll(out);
                }
            }
            assertTrue(last < 0.5f * first, "CLIP loss did not fall: " + first + " -> " + last);
            assertEquals(4, images.getShape().get(0));
        }
    }
}
