package org.endolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.endolens.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchMemoryCommandTest {
    private static final String TINY_CLASSIFIER = """
            {"name": "tiny-cls", "kind": "vit", "vision": {"imageSize": 16, "patchSize": 8, "channels": 3, "width": 32,
             "depth": 1, "heads": 2, "mlpDim": 64, "activation": "gelu", "normEps": 1e-6, "qkvBias": true,
             "patchBias": true, "preNorm": false, "numClasses": 3, "embedDim": 0, "frames": 0,
             "posResample": "bicubic", "dropPath": 0.0}}
            """;

    @Test
    void recordsResidentMemoryAfterEveryStep(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("tiny.json"), TINY_CLASSIFIER);
        Path json = dir.resolve("memory.json");
        CliRun run = CliRun.of("bench", "memory", "--threads", "1", "--model", config.toString(), "--steps", "24",
                "--batch", "2", "--json", json.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode trace = Json.mapper().readTree(json.toFile());
        assertEquals(24, trace.get("rssAfterStep").size());
        assertTrue(trace.get("rssAfterStep").get(23).asLong() > 1 << 20);
    }

    @Test
    void tooFewStepsToCompareWithTheProbeStepIsAnError() {
        CliRun run = CliRun.of("bench", "memory", "--steps", "20");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("--steps 20: give more than 20"), run.err());
    }
}
