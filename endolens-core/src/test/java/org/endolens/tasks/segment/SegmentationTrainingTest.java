package org.endolens.tasks.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.endolens.EndoLensException;
import org.endolens.data.BadInputPolicy;
import org.endolens.data.ExamRecord;
import org.endolens.data.Problems;
import org.endolens.data.readers.DatasetFormat;
import org.endolens.data.readers.ReadOptions;
import org.endolens.data.readers.Validation;
import org.endolens.model.ModelConfig;
import org.endolens.model.ModelKind;
import org.endolens.model.Models;
import org.endolens.model.Presets;
import org.endolens.nn.SegmentationDecoderConfig;
import org.endolens.nn.VisionTransformer;
import org.endolens.testing.SyntheticDisks;
import org.endolens.train.StepRecord;
import org.endolens.train.Trainer;
import org.endolens.train.TrainerConfig;
import org.endolens.weights.ModelWeights;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segmentation training on tiny synthetic disks: the loss falls, resume is exact, a frozen encoder stays put. */
class SegmentationTrainingTest {
    @TempDir
    static Path data;
    static List<ExamRecord> exams;

    @BeforeAll
    static void writeDisks() {
        SyntheticDisks.write(data, 24, 40, 32, 1);
        exams = DatasetFormat.SEGFOLDER.reader(ReadOptions.of(Validation.FILES)).read(data, new Problems(BadInputPolicy.FAIL))
                .exams();
    }

    static SegmentationConfig tinyConfig() {
        ModelConfig preset = Presets.load("vit-tiny-8");
        ModelConfig encoder = new ModelConfig(preset.name(), ModelKind.VIT, preset.vision().backbone(32), null, null);
        return new SegmentationConfig(encoder, SegmentationDecoderConfig.evenlySpaced(encoder.vision().depth(), 4, 32),
                SegmentationConfig.IMAGENET, "vit-tiny-8");
    }

    static TrainerConfig trainer(long steps) {
        return new TrainerConfig(steps, 2, 3e-3, 3e-5, 0.01, 1.0, 3, 1, 7);
    }

    private static List<StepRecord> train(SegmentationModel model, NDManager manager, TrainerConfig trainer, Path run,
            boolean resume) {
        return SegmentationTraining.run(model, manager, exams, data, trainer, 8, run, resume, List.of("test"), r -> {});
    }

    @Test
    void lossFallsOnDisks(@TempDir Path run) throws Exception {
        Engine.getInstance().setRandomSeed(0);
        try (NDManager manager = NDManager.newBaseManager()) {
            SegmentationModel model = new SegmentationModel(tinyConfig());
            model.initialize(manager);
            List<StepRecord> records = train(model, manager, trainer(40), run, false);
            double first = (records.get(0).loss() + records.get(1).loss() + records.get(2).loss()) / 3;
            double last = (records.get(37).loss() + records.get(38).loss() + records.get(39).loss()) / 3;
            assertTrue(last < 0.7 * first, "loss " + first + " -> " + last);
            assertTrue(Files.isRegularFile(run.resolve(SegmentationRun.CONFIG)));
            assertEquals(tinyConfig(), SegmentationRun.readConfig(run));
            SegmentationModel reloaded = SegmentationRun.load(run, manager);
            assertArrayEquals(ModelWeights.tensors(model).get("decoder.head.weight").toFloatArray(),
                    ModelWeights.tensors(reloaded).get("decoder.head.weight").toFloatArray());
        }
    }

    @Test
    void resumedRunEndsWithTheWeightsOfAnUninterruptedOne(@TempDir Path straight, @TempDir Path interrupted) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            SegmentationModel a = new SegmentationModel(tinyConfig());
            a.initialize(manager);
            Map<String, float[]> start = snapshot(a);
            train(a, manager, trainer(6), straight, false);

            SegmentationModel b = new SegmentationModel(tinyConfig());
            b.initialize(manager);
            restore(b, start);
            Trainer.Listener crashAfterFirstCheckpoint = new Trainer.Listener() {
                @Override
                public void onStep(StepRecord record) {}

                @Override
                public void onCheckpoint(Path dir, long step) {
                    throw new IllegalStateException("simulated crash at step " + step);
                }
            };
            assertThrows(IllegalStateException.class, () -> SegmentationTraining.run(b, manager, exams, data, trainer(6), 8,
                    interrupted, false, List.of("test"), crashAfterFirstCheckpoint));

            SegmentationModel c = new SegmentationModel(tinyConfig());
            c.initialize(manager);
            List<StepRecord> resumed = train(c, manager, trainer(6), interrupted, true);
            assertEquals(4, resumed.get(0).step());
            Map<String, float[]> expected = snapshot(a);
            Map<String, float[]> actual = snapshot(c);
            expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), k + " differs after resume"));
        }
    }

    @Test
    void frozenEncoderKeepsItsWeightsWhileTheDecoderLearns(@TempDir Path run) {
        Engine.getInstance().setRandomSeed(0);
        try (NDManager manager = NDManager.newBaseManager()) {
            SegmentationModel model = new SegmentationModel(tinyConfig());
            model.initialize(manager);
            model.freezeEncoder();
            Map<String, float[]> before = snapshot(model);
            train(model, manager, trainer(3), run, false);
            Map<String, float[]> after = snapshot(model);
            assertArrayEquals(before.get("encoder.blocks.0.attn.qkv.weight"), after.get("encoder.blocks.0.attn.qkv.weight"));
            assertArrayEquals(before.get("encoder.pos_embed"), after.get("encoder.pos_embed"));
            assertFalse(java.util.Arrays.equals(before.get("decoder.fuse.conv.weight"), after.get("decoder.fuse.conv.weight")));
        }
    }

    @Test
    void encoderStartsFromAPretrainedVitResampledToTheSegmentationSize() {
        Engine.getInstance().setRandomSeed(0);
        try (NDManager manager = NDManager.newBaseManager()) {
            ModelConfig at16 = new ModelConfig("vit", ModelKind.VIT, Presets.load("vit-tiny-8").vision().backbone(16), null,
                    null);
            VisionTransformer pretrained = (VisionTransformer) Models.create(at16, manager);
            SegmentationModel model = new SegmentationModel(tinyConfig());
            model.initialize(manager);
            SegmentationRun.startEncoderFrom(model, pretrained, "pretrained");
            assertArrayEquals(ModelWeights.tensors(pretrained).get("blocks.1.mlp.fc2.weight").toFloatArray(),
                    ModelWeights.tensors(model).get("encoder.blocks.1.mlp.fc2.weight").toFloatArray());
            assertEquals(1 + 16, ModelWeights.tensors(model).get("encoder.pos_embed").getShape().get(1));
        }
    }

    private static Map<String, float[]> snapshot(SegmentationModel model) {
        Map<String, float[]> out = new java.util.LinkedHashMap<>();
        ModelWeights.tensors(model).forEach((k, v) -> out.put(k, v.toFloatArray()));
        return out;
    }

    private static void restore(SegmentationModel model, Map<String, float[]> weights) {
        ModelWeights.tensors(model).forEach((k, v) -> v.set(weights.get(k)));
    }
}
