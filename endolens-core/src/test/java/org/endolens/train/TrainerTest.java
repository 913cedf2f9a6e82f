package org.endolens.train;

import org.endolens.EndoLensException;
import org.endolens.model.ModelConfig;
import org.endolens.model.Models;
import org.endolens.model.Presets;
import org.endolens.nn.NamedBlock;
import org.endolens.nn.VisionConfig;
import org.endolens.nn.VisionTransformer;
import org.endolens.weights.ModelWeights;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared loop trains, does not leak, and resumes exactly. */
class TrainerTest {
    private static final TrainerConfig CONFIG = new TrainerConfig(8, 2, 3e-3, 1e-5, 0.05, 1.0, 4, 1, 11);

    @TempDir
    Path tmp;

    /** vit-tiny-8 with 4 classes and stochastic depth, so the random streams matter for the resume test. */
    private static ModelConfig tinyClassifier() {
        VisionConfig v = Presets.load("vit-tiny-8").vision();
        VisionConfig withHead = new VisionConfig(v.imageSize(), v.patchSize(), v.channels(), v.width(), v.depth(), v.heads(),
                v.mlpDim(), v.activation(), v.normEps(), v.qkvBias(), v.patchBias(), v.preNorm(), 4, 0, 0,
                v.posResample(), 0.2f);
        return new ModelConfig("tiny-classifier", org.endolens.model.ModelKind.VIT, withHead, null, null);
    }

    /** A fixed synthetic batch per step (class k images are shifted by k), drawn on the step's scope. */
    private static StepFunction classification(VisionTransformer vit) {
        return (store, step, scope) -> {
            NDArray labels = scope.create(new long[] {0, 1, 2, 3, 0, 1, 2, 3});
            Engine.getInstance().setRandomSeed(1000 + (int) (step % 2));
            NDArray images = scope.randomNormal(new Shape(8, 3, 32, 32)).add(labels.toType(DataType.FLOAT32, false).reshape(8, 1, 1, 1));
            return CrossEntropyLoss.apply(vit.encode(store, images, true).logits(), labels);
        };
    }

    private Map<String, float[]> train(Path run, boolean resume, StepFunction override) {
        Engine.getInstance().setRandomSeed(5);
        try (NDManager m = NDManager.newBaseManager()) {
            ModelConfig config = tinyClassifier();
            NamedBlock model = Models.create(config, m);
            StepFunction step = override != null ? override : classification((VisionTransformer) model);
            new Trainer(CONFIG).fit(model, config, m, step, run, resume, List.of("test"), r -> { });
            Map<String, float[]> out = new java.util.LinkedHashMap<>();
            ModelWeights.tensors(model).forEach((k, v) -> out.put(k, v.toFloatArray()));
            return out;
        }
    }

    @Test
    void stoppingAndResumingReproducesTheUninterruptedRun() throws Exception {
        Map<String, float[]> uninterrupted = train(tmp.resolve("a"), false, null);

        Path run = tmp.resolve("b");
        Engine.getInstance().setRandomSeed(5);
        try (NDManager m = NDManager.newBaseManager()) {
            ModelConfig config = tinyClassifier();
            VisionTransformer vit = (VisionTransformer) Models.create(config, m);
            StepFunction real = classification(vit);
            StepFunction crashing = (store, step, scope) -> {
                if (step == 5) {
                    throw new IllegalStateException("simulated crash");
                }
                return real.loss(store, step, scope);
            };
            assertThrows(IllegalStateException.class,
                    () -> new Trainer(CONFIG).fit(vit, config, m, crashing, run, false, List.of("test"), r -> { }));
        }
        assertEquals(4, TrainingCheckpoint.readState(run.resolve(Trainer.CHECKPOINT)).step());

        // A new process would start from fresh random weights: the checkpoint must overwrite them all.
        Map<String, float[]> resumed = train(run, true, null);
        assertEquals(uninterrupted.keySet(), resumed.keySet());
        uninterrupted.forEach((k, v) -> assertTrue(java.util.Arrays.equals(v, resumed.get(k)), k + " differs after resume"));
        List<String> lines = Files.readAllLines(run.resolve(Trainer.METRICS));
        assertEquals(8, lines.size(), "metrics.jsonl has one line per step, without duplicates: " + lines);
    }

    @Test
    void lossFallsAndTheModelManagerDoesNotGrow() {
        Engine.getInstance().setRandomSeed(5);
        try (NDManager m = NDManager.newBaseManager()) {
            ModelConfig config = tinyClassifier();
            VisionTransformer vit = (VisionTransformer) Models.create(config, m);
            StepFunction step = classification(vit);
            TrainerConfig longer = new TrainerConfig(30, 3, 3e-3, 1e-5, 0.05, 1.0, 1000, 1, 3);
            int[] managed = new int[2];
            List<StepRecord> records = new Trainer(longer).fit(vit, config, m, step, tmp.resolve("c"), false, List.of("t"),
                    r -> {
                        if (r.step() == 5) {
                            managed[0] = m.getManagedArrays().size();
                        } else if (r.step() == 29) {
                            managed[1] = m.getManagedArrays().size();
                        }
                    });
            double first = (records.get(0).loss() + records.get(1).loss()) / 2;
            double last = (records.get(28).loss() + records.get(29).loss()) / 2;
            assertTrue(last < 0.75 * first, "loss did not fall: " + first + " -> " + last);
            assertEquals(managed[0], managed[1], "arrays accumulate on the model's manager");
        }
    }

    /** The classification loss plus {@code sqrt(0 * w)} at the steps {@code poisoned} accepts: finite, with a NaN gradient. */
    private static StepFunction poisonedAt(VisionTransformer vit, java.util.function.LongPredicate poisoned) {
        StepFunction clean = classification(vit);
        return (store, step, scope) -> {
            NDArray loss = clean.loss(store, step, scope);
            if (!poisoned.test(step)) {
                return loss;
            }
            NDArray w = vit.getParameters().valueAt(0).getArray();
            return loss.add(w.mul(0f).sqrt().sum());
        };
    }

    @Test
    void aStepWithANonFiniteGradientIsSkippedAndRecorded() {
        Engine.getInstance().setRandomSeed(5);
        try (NDManager m = NDManager.newBaseManager()) {
            ModelConfig config = tinyClassifier();
            VisionTransformer vit = (VisionTransformer) Models.create(config, m);
            List<StepRecord> records = new Trainer(CONFIG).fit(vit, config, m, poisonedAt(vit, s -> s == 3), tmp.resolve("r"),
                    false, List.of("t"), r -> { });
            assertTrue(Double.isNaN(records.get(3).gradNorm()), "step 4's gradient norm is recorded as NaN");
            assertTrue(Double.isFinite(records.get(7).loss()), "training went on after the skipped step");
            ModelWeights.tensors(vit).forEach((k, v) -> {
                for (float x : v.toFloatArray()) {
                    assertTrue(Float.isFinite(x), k + " has a non-finite value after a skipped step");
                }
            });
        }
    }

    @Test
    void persistentlyNonFiniteGradientsEndTheRunWithAMessage() {
        Engine.getInstance().setRandomSeed(5);
        try (NDManager m = NDManager.newBaseManager()) {
            ModelConfig config = tinyClassifier();
            VisionTransformer vit = (VisionTransformer) Models.create(config, m);
            org.endolens.EndoLensException e = assertThrows(org.endolens.EndoLensException.class, () -> new Trainer(CONFIG)
                    .fit(vit, config, m, poisonedAt(vit, s -> true), tmp.resolve("r"), false, List.of("t"), r -> { }));
            assertTrue(e.getMessage().contains("steps in a row"), e.getMessage());
        }
    }

    @Test
    void nonFiniteGradientsNeverReachTheWeightsAndFiveInARowStopTheRun() {
        Engine.getInstance().setRandomSeed(5);
        try (NDManager m = NDManager.newBaseManager()) {
            ModelConfig config = tinyClassifier();
            VisionTransformer vit = (VisionTransformer) Models.create(config, m);
            float[] before = ModelWeights.tensors(vit).get("head.weight").toFloatArray();
            // sqrt at 0: the loss is 0, its gradient 0 * inf = NaN.
            StepFunction nanGradient = (store, step, scope) -> vit.encode(store, scope.ones(new Shape(2, 3, 32, 32)), true)
                    .logits().mul(0f).sqrt().sum();
            EndoLensException e = assertThrows(EndoLensException.class, () -> new Trainer(CONFIG).fit(vit, config, m,
                    nanGradient, tmp.resolve("nan"), false, List.of("t"), r -> { }));
            assertTrue(e.getMessage().contains("gradient norm is NaN for 5 steps in a row, last at step 4"), e.getMessage());
            assertArrayEquals(before, ModelWeights.tensors(vit).get("head.weight").toFloatArray());
        }
    }
}
