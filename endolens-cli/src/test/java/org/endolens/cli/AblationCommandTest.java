package org.endolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.endolens.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code endolens data synthetic} then a two-arm, one-seed {@code endolens ablation} of a few steps. */
class AblationCommandTest {
    @TempDir
    Path tmp;

    @Test
    void twoArmsGiveTwoRowsWithEveryMetricAndTheirCommands() throws Exception {
        Path data = tmp.resolve("synthetic");
        CliRun generated = CliRun.of("data", "synthetic", "--out", data.toString(), "--patients", "10", "--image-size", "32");
        assertEquals(0, generated.exitCode(), generated.err());
        Path out = tmp.resolve("ablation");
        CliRun run = CliRun.of("ablation", "--records", data.resolve("records.jsonl").toString(), "--arms", "clip,unify",
                "--seeds", "3", "--steps", "4", "--out", out.toString(), "--threads", "1");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = Json.mapper().readTree(out.resolve("ablation.json").toFile());
        assertEquals(2, json.get("runs").size());
        JsonNode unify = json.get("runs").get(1);
        assertEquals("unify", unify.get("arm").asText());
        double auroc = unify.get("metrics").get("zero-shot presence AUROC").asDouble();
        assertTrue(auroc >= 0 && auroc <= 1, "AUROC " + auroc);
        assertTrue(unify.get("metrics").has("presence 1-shot acc."), unify.toString());
        String md = Files.readString(out.resolve("ablation.md"));
        assertTrue(md.contains("| + unification | 1 |"), md);
        assertTrue(md.contains("--arms clip --seeds 3 --steps 4"), md);
        assertTrue(Files.isDirectory(out.resolve("unify/seed-3/checkpoint/model")), "run folder per arm and seed");
        assertTrue(Files.readString(out.resolve("report.html")).contains("+ unification"));

        // Rerunning reuses the finished runs: same numbers, no training.
        CliRun again = CliRun.of("ablation", "--records", data.resolve("records.jsonl").toString(), "--arms", "clip,unify",
                "--seeds", "3", "--steps", "4", "--out", out.toString(), "--threads", "1");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(json.get("runs"), Json.mapper().readTree(out.resolve("ablation.json").toFile()).get("runs"));
    }
}
