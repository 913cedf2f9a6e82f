package org.endolens.tasks.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.endolens.EndoLensException;
import org.endolens.data.BadInputPolicy;
import org.endolens.data.Box;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.data.readers.DatasetFormat;
import org.endolens.data.readers.ReadOptions;
import org.endolens.data.readers.Validation;
import org.endolens.model.ModelConfig;
import org.endolens.model.ModelKind;
import org.endolens.model.Presets;
import org.endolens.nn.CenterNetHeadConfig;
import org.endolens.testing.SyntheticDisks;
import org.endolens.train.StepRecord;
import org.endolens.train.TrainerConfig;
import org.endolens.weights.ModelWeights;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detection training on tiny synthetic disks (boxes from their masks): the loss falls, runs reload, bad boxes stop it. */
class DetectionTrainingTest {
    @TempDir
    static Path data;
    static List<ExamRecord> exams;

    @BeforeAll
    static void writeDisks() {
        SyntheticDisks.write(data, 24, 40, 32, 1);
        exams = DatasetFormat.SEGFOLDER.reader(ReadOptions.of(Validation.FILES)).read(data, new Problems(BadInputPolicy.FAIL))
                .exams();
    }

    static DetectionConfig tinyConfig() {
        ModelConfig preset = Presets.load("vit-tiny-8");
        ModelConfig encoder = new ModelConfig(preset.name(), ModelKind.VIT, preset.vision().backbone(32), null, null);
        return new DetectionConfig(encoder, CenterNetHeadConfig.evenlySpaced(encoder.vision().depth(), 4, 32, 4, 1),
                DetectionTraining.classes(exams), "imagenet", "vit-tiny-8");
    }

    static TrainerConfig trainer(long steps) {
        return new TrainerConfig(steps, 2, 3e-3, 3e-5, 0.01, 1.0, 10, 1, 7);
    }

    @Test
    void disksCarryTheirMaskBoxesAsOneUnlabelledClass() {
        assertEquals(List.of(DetectionTraining.DEFAULT_CLASS), DetectionTraining.classes(exams));
        FrameRecord first = exams.get(0).frames().get(0);
        assertEquals(1, first.boxes().size());
        assertTrue(first.boxes().get(0).inside(40, 32));
    }

    @Test
    void lossFallsOnDisksAndTheRunReloads(@TempDir Path run) {
        Engine.getInstance().setRandomSeed(0);
        try (NDManager manager = NDManager.newBaseManager()) {
            DetectionModel model = new DetectionModel(tinyConfig());
            model.initialize(manager);
            List<StepRecord> records = DetectionTraining.run(model, manager, exams, data, trainer(40), 8, run, false,
                    List.of("test"), r -> {});
            double first = (records.get(0).loss() + records.get(1).loss() + records.get(2).loss()) / 3;
            double last = (records.get(37).loss() + records.get(38).loss() + records.get(39).loss()) / 3;
            assertTrue(last < 0.6 * first, "loss " + first + " -> " + last);
            assertEquals(tinyConfig(), DetectionRun.readConfig(run));
            DetectionModel reloaded = DetectionRun.load(run, manager);
            assertArrayEquals(ModelWeights.tensors(model).get("head.size.2.weight").toFloatArray(),
                    ModelWeights.tensors(reloaded).get("head.size.2.weight").toFloatArray());
        }
    }

    @Test
    void frozenEncoderKeepsItsWeightsWhileTheHeadLearns(@TempDir Path run) {
        Engine.getInstance().setRandomSeed(0);
        try (NDManager manager = NDManager.newBaseManager()) {
            DetectionModel model = new DetectionModel(tinyConfig());
            model.initialize(manager);
            model.freezeEncoder();
            Map<String, float[]> before = snapshot(model);
            DetectionTraining.run(model, manager, exams, data, trainer(2), 8, run, false, List.of("test"), r -> {});
            Map<String, float[]> after = snapshot(model);
            assertArrayEquals(before.get("encoder.blocks.0.attn.qkv.weight"), after.get("encoder.blocks.0.attn.qkv.weight"));
            assertFalse(java.util.Arrays.equals(before.get("head.fuse.conv.weight"), after.get("head.fuse.conv.weight")));
        }
    }

    @Test
    void aBoxOutsideItsImageStopsTrainingWithTheImageNamed(@TempDir Path run) {
        ExamRecord exam = exams.get(0);
        FrameRecord frame = exam.frames().get(0);
        FrameRecord bad = new FrameRecord(frame.id(), frame.path(), null, null, null,
                List.of(new Box(30, 10, 55, 20, null)), null);
        List<ExamRecord> broken = List.of(new ExamRecord(exam.patientId(), exam.examId(), null, List.of(bad), List.of(),
                null, null));
        try (NDManager manager = NDManager.newBaseManager()) {
            DetectionModel model = new DetectionModel(tinyConfig());
            model.initialize(manager);
            EndoLensException e = assertThrows(EndoLensException.class, () -> DetectionTraining.run(model, manager, broken,
                    data, trainer(1), 1, run, false, List.of("test"), r -> {}));
            assertTrue(e.getMessage().contains(Path.of(frame.path()).getFileName().toString())
                    && e.getMessage().contains("lies outside the 40x32 image"), e.getMessage());
        }
    }

    private static Map<String, float[]> snapshot(DetectionModel model) {
        Map<String, float[]> out = new java.util.LinkedHashMap<>();
        ModelWeights.tensors(model).forEach((k, v) -> out.put(k, v.toFloatArray()));
        return out;
    }
}
