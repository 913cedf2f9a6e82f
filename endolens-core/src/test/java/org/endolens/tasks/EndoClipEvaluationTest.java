package org.endolens.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.endolens.data.ExamRecord;
import org.endolens.data.synthetic.SyntheticColonoscopy;
import org.endolens.data.synthetic.SyntheticConfig;
import org.endolens.model.ClipModel;
import org.endolens.model.Models;
import org.endolens.model.Presets;
import org.endolens.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zero-shot and few-shot evaluations of a CLIP model write their metrics and reports. */
class EndoClipEvaluationTest {
    @TempDir
    static Path data;
    static List<ExamRecord> exams;

    @BeforeAll
    static void generate() {
        exams = SyntheticColonoscopy.generate(data, SyntheticConfig.tiny());
    }

    @Test
    void zeroShotPresenceWritesAurocWithItsInterval(@TempDir Path out) throws Exception {
        Engine.getInstance().setRandomSeed(0);
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = (ClipModel) Models.create(Presets.load("endoclip-tiny"), manager);
            ZeroShotEvaluation.Result result = ZeroShotEvaluation.run(model, manager, exams, data, out, 0);
            assertTrue(result.positives() > 0 && result.positives() < result.frames());
            JsonNode metrics = Json.mapper().readTree(out.resolve("metrics.json").toFile());
            double auroc = metrics.get("auroc").asDouble();
            assertTrue(auroc >= 0 && auroc <= 1, "auroc " + auroc);
            assertTrue(metrics.get("auroc_ci_low").asDouble() <= auroc && auroc <= metrics.get("auroc_ci_high").asDouble());
            assertTrue(Files.readString(out.resolve("report.html")).contains("data:image/png;base64,"));
        }
    }

    @Test
    void fewShotWritesOneCellPerTaskMethodAndShot(@TempDir Path out) throws Exception {
        Engine.getInstance().setRandomSeed(0);
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = (ClipModel) Models.create(Presets.load("clip-tiny"), manager);
            FewShotEvaluation.Result result = FewShotEvaluation.run(model, manager, exams, exams, data, out, 0);
            assertFalse(result.tasks().isEmpty());
            assertEquals("presence", result.tasks().get(0).task());
            JsonNode cells = Json.mapper().readTree(out.resolve("metrics.json").toFile()).get("cells");
            assertEquals(result.tasks().size() * 2 * FewShotEvaluation.SHOTS.length, cells.size());
            assertEquals(FewShotEvaluation.SEEDS, cells.get(0).get("accuracy").size());
            assertTrue(Files.readString(out.resolve("report.html")).contains("Few-shot"));
        }
    }
}
