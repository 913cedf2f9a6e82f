package org.endolens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.endolens.model.ModelConfig;
import org.endolens.nn.VisionTransformer;
import org.endolens.util.EngineRuntime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ClassifierTrainingStepTest {
    @Test
    void crossEntropyIsTheMeanNegativeLogSoftmaxOfTheLabel() {
        try (NDManager manager = NDManager.newBaseManager(EngineRuntime.ENGINE)) {
            NDArray logits = manager.create(new float[][] {{1, 2, 3}, {1, 1, 1}});
            NDArray labels = manager.create(new long[] {2, 0});
            double row0 = -(3 - Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)));
            double row1 = Math.log(3);
            assertEquals((row0 + row1) / 2, ClassifierTrainingStep.crossEntropy(logits, labels).getFloat(), 1e-5);
        }
    }

    @Test
    void adamWLowersTheLossOnAFixedBatchAndZeroesGradientsAfterEachUpdate() {
        ModelConfig config = TinyClassifier.config();
        EngineRuntime.engine().setRandomSeed(7);
        try (NDManager manager = NDManager.newBaseManager(EngineRuntime.ENGINE)) {
            VisionTransformer model = VitClassifiers.create(config, manager);
            ClassifierTrainingStep trainer = new ClassifierTrainingStep(model, manager, ClassifierTrainingStep.adamW(1e-3f));
            NDArray images = VitClassifiers.randomImages(config, 4, manager);
            NDArray labels = manager.create(new long[] {0, 3, 5, 9});
            NDArray qkv = model.stateParameters().get("blocks.0.attn.qkv.weight").getArray();
            float[] initialQkv = qkv.toFloatArray();
            float[] losses = new float[20];
            for (int i = 0; i < losses.length; i++) {
                try (NDManager step = manager.newSubManager()) {
                    // The fixed batch joins each step's manager, so that what the step computes from it is freed.
                    images.tempAttach(step);
                    labels.tempAttach(step);
                    losses[i] = trainer.run(images, labels);
                }
                try (NDArray gradient = qkv.getGradient()) {
                    assertEquals(0f, gradient.abs().sum().getFloat(), "gradient left after update " + (i + 1));
                }
            }
            assertTrue(losses[19] < 0.5f * losses[0], "loss did not halve: " + Arrays.toString(losses));
            assertFalse(Arrays.equals(initialQkv, qkv.toFloatArray()), "blocks.0.attn.qkv.weight did not change");
        }
    }
}
