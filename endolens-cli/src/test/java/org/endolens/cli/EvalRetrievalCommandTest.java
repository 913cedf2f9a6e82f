package org.endolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.endolens.data.synthetic.SyntheticColonoscopy;
import org.endolens.data.synthetic.SyntheticConfig;
import org.endolens.model.ModelConfig;
import org.endolens.model.Models;
import org.endolens.model.Presets;
import org.endolens.util.Json;
import org.endolens.weights.CheckpointSaver;
import org.endolens.weights.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code endolens eval retrieval} on tiny synthetic records with a saved ViT checkpoint. */
class EvalRetrievalCommandTest {
    @TempDir
    Path tmp;

    @Test
    void vitCheckpointIsScoredOnImageToImageRetrievalOnly() throws Exception {
        SyntheticColonoscopy.generate(tmp.resolve("data"), SyntheticConfig.tiny());
        Path records = tmp.resolve("data").resolve(SyntheticColonoscopy.RECORDS_FILE);
        Path checkpoint = tmp.resolve("vit");
        Engine.getInstance().setRandomSeed(0);
        try (NDManager manager = NDManager.newBaseManager()) {
            ModelConfig config = Presets.load("vit-tiny-8");
            CheckpointSaver.save(checkpoint, config, Models.create(config, manager), Provenance.of(List.of("test")));
        }
        Path out = tmp.resolve("eval");
        CliRun run = CliRun.of("eval", "retrieval", "--checkpoint", checkpoint.toString(), "--format", "records",
                "--root", records.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode directions = Json.mapper().readTree(out.resolve("metrics.json").toFile()).get("directions");
        assertEquals(1, directions.size());
        assertEquals("image->image (same patient)", directions.get(0).get("direction").asText());
        double mrr = directions.get(0).get("mrr").asDouble();
        assertTrue(mrr > 0 && mrr <= 1, "mrr " + mrr);
        assertTrue(Files.readString(out.resolve("report.html")).contains("Recall@K"));
    }

    @Test
    void missingDataRootIsAOneLineErrorNamingIt() {
        CliRun run = CliRun.of("eval", "retrieval", "--checkpoint", tmp.toString(), "--format", "clinicdb",
                "--root", tmp.resolve("nowhere").toString(), "--out", tmp.resolve("eval").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("nowhere"), run.err());
    }
}
