package org.endolens.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.endolens.model.ClipModel;
import org.endolens.model.Models;
import org.endolens.model.Presets;
import org.endolens.train.ClipLoss;
import org.endolens.train.Gradients;
import org.endolens.train.MultiPositiveContrastiveLoss;
import org.junit.jupiter.api.Test;

/**
 * Gradients must not depend on whether the garbage collector ran between forward and backward: a number operand
 * that DJL turns into a temporary tensor over a Java buffer (see {@link Scalars}) is read again by backward, and
 * once that buffer is freed and its memory reused the gradients were garbage or NaN.
 */
class GarbageCollectionGradientTest {
    /** Forward, optionally a collection plus NaN-filled allocations to reuse freed memory, then backward. */
    private static Map<String, float[]> gradients(ClipModel model, NDManager manager, boolean collectInBetween)
            throws InterruptedException {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (NDManager scope = manager.newSubManager()) {
            Engine.getInstance().setRandomSeed(7);
            NDArray images = scope.randomNormal(new Shape(4, 3, 32, 32));
            long[] ids = new long[4 * 64];
            for (int i = 0; i < 4; i++) {
                ids[i * 64] = 257;
                ids[i * 64 + 1] = 97 + i;
                ids[i * 64 + 2] = 258;
            }
            NDArray tokens = scope.create(ids, new Shape(4, 64));
            ParameterStore store = new ParameterStore(scope, false);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray image = ClipModel.normalize(model.encodeImage(store, images, true).embedding());
                NDArray text = ClipModel.normalize(model.encodeText(store, tokens, true).embedding());
                NDArray scale = model.logitScale(store, image, true);
                NDArray loss = new ClipLoss().apply(image, text, scale).add(new MultiPositiveContrastiveLoss()
                        .apply(image, text, scope.eye(4), scale));
                if (collectInBetween) {
                    reuseFreedMemory();
                }
                collector.backward(loss);
            }
            Gradients.collect(model.stateParameters(), scope).forEach((k, g) -> out.put(k, g.toFloatArray()));
            Gradients.zero(model.stateParameters());
        }
        return out;
    }

    private static void reuseFreedMemory() throws InterruptedException {
        List<ByteBuffer> filler = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            System.gc();
            Thread.sleep(20);
            for (int i = 0; i < 20_000; i++) {
                ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
                b.putFloat(0, Float.NaN);
                filler.add(b);
            }
        }
        assertEquals(100_000, filler.size());
    }

    @Test
    void clipGradientsAreTheSameWhetherOrNotTheCollectorRanBeforeBackward() throws InterruptedException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            ClipModel model = (ClipModel) Models.create(Presets.load("endoclip-tiny"), manager);
            Map<String, float[]> reference = gradients(model, manager, false);
            for (int attempt = 0; attempt < 3; attempt++) {
                Map<String, float[]> again = gradients(model, manager, true);
                for (Map.Entry<String, float[]> e : reference.entrySet()) {
                    assertArrayEquals(e.getValue(), again.get(e.getKey()), 1e-6f, e.getKey() + " (attempt " + attempt + ")");
                }
            }
        }
    }
}
