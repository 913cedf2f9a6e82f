package org.endolens.tasks.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.endolens.DataFormatException;
import org.endolens.data.BadInputPolicy;
import org.endolens.data.ExamRecord;
import org.endolens.data.Problems;
import org.endolens.data.readers.DatasetFormat;
import org.endolens.data.readers.ReadOptions;
import org.endolens.data.readers.Validation;
import org.endolens.testing.SyntheticDisks;
import org.endolens.util.Json;
import org.endolens.weights.ModelWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segmentation evaluation scores at mask resolution and names bad files. */
class SegmentationEvaluationTest {
    private static List<ExamRecord> read(Path root) {
        return DatasetFormat.SEGFOLDER.reader(ReadOptions.of(Validation.FILES)).read(root, new Problems(BadInputPolicy.FAIL))
                .exams();
    }

    /** A model whose head ignores its input and says "foreground" (logit 10) everywhere. */
    private static SegmentationModel everythingForeground(NDManager manager) {
        SegmentationModel model = new SegmentationModel(SegmentationTrainingTest.tinyConfig());
        model.initialize(manager);
        NDArray weight = ModelWeights.tensors(model).get("decoder.head.weight");
        weight.set(new float[(int) weight.size()]);
        ModelWeights.tensors(model).get("decoder.head.bias").set(new float[] {10f});
        return model;
    }

    @Test
    void perfectPredictionsScoreDiceOneAndTheReportShowsThem(@TempDir Path data, @TempDir Path out) throws Exception {
        SyntheticDisks.write(data, 5, 40, 30, 2);
        // Masks that cover the whole image: the all-foreground model predicts them perfectly, at any resolution.
        for (int i = 0; i < 5; i++) {
            BufferedImage full = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < 30; y++) {
                for (int x = 0; x < 40; x++) {
                    full.getRaster().setSample(x, y, 0, 255);
                }
            }
            javax.imageio.ImageIO.write(full, "png", data.resolve("masks").resolve("disk" + i + ".png").toFile());
        }
        Engine.getInstance().setRandomSeed(0);
        try (NDManager manager = NDManager.newBaseManager()) {
            SegmentationEvaluation.Result result = SegmentationEvaluation.run(everythingForeground(manager), manager,
                    read(data), data, out, 0);
            assertEquals(5, result.images().size());
            assertEquals(1.0, result.meanDice().estimate(), 0);
            assertEquals(1.0, result.scores().pooledIou(), 0);
            assertEquals(40L * 30, result.images().get(0).overlap().truePositive());
        }
        JsonNode metrics = Json.mapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(1.0, metrics.get("mean_dice").asDouble(), 0);
        assertEquals(6, Files.readAllLines(out.resolve("per_image.csv")).size());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("worst 5 images by Dice") && html.contains("best 5 images by Dice"));
        assertTrue(html.split("data:image/png;base64,").length - 1 == 3, "histogram and two grids");
    }

    @Test
    void diceOfTheAllForegroundPredictionIsTwiceTheAreaOverAreaPlusOne(@TempDir Path data, @TempDir Path out) {
        SyntheticDisks.write(data, 2, 40, 30, 3);
        try (NDManager manager = NDManager.newBaseManager()) {
            SegmentationEvaluation.Result result = SegmentationEvaluation.run(everythingForeground(manager), manager,
                    read(data), data, out, 0);
            SegmentationEvaluation.ImageScore first = result.images().get(0);
            long disk = first.overlap().truePositive();
            assertEquals(40L * 30 - disk, first.overlap().falsePositive());
            assertEquals(0, first.overlap().falseNegative());
            assertEquals(2.0 * disk / (disk + 40 * 30), first.overlap().dice(), 1e-12);
        }
    }

    @Test
    void maskOfTheWrongSizeIsAnErrorNamingTheMaskFile(@TempDir Path data, @TempDir Path out) {
        SyntheticDisks.write(data, 3, 40, 30, 4);
        List<ExamRecord> exams = read(data);
        Path bad = SyntheticDisks.writeMaskOfSize(data, "disk1", 20, 30);
        try (NDManager manager = NDManager.newBaseManager()) {
            DataFormatException e = assertThrows(DataFormatException.class,
                    () -> SegmentationEvaluation.run(everythingForeground(manager), manager, exams, data, out, 0));
            assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("20x30"), e.getMessage());
        }
    }
}
