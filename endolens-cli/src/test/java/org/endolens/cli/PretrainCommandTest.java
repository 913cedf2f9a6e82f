package org.endolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.endolens.data.synthetic.SyntheticColonoscopy;
import org.endolens.data.synthetic.SyntheticConfig;
import org.endolens.testing.SharedPaths;
import org.endolens.weights.ArchitectureOverrides;
import org.endolens.weights.CheckpointLoader;
import org.endolens.weights.Layout;
import org.endolens.weights.ModelWeights;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code endolens pretrain} and {@code endolens eval zero-shot} run end to end on tiny synthetic records. */
class PretrainCommandTest {
    @TempDir
    Path tmp;

    @Test
    void pretrainWritesACheckpointThatZeroShotEvaluationLoads() throws Exception {
        SyntheticColonoscopy.generate(tmp.resolve("data"), SyntheticConfig.tiny());
        Path records = tmp.resolve("data").resolve(SyntheticColonoscopy.RECORDS_FILE);
        Path run = tmp.resolve("run");
        assertEquals(0, execute(new PretrainCommand(), "--records", records.toString(), "--split", "all", "--steps", "3",
                "--patients-per-batch", "2", "--frames-per-patient", "3", "--out", run.toString()));
        assertEquals(3, Files.readAllLines(run.resolve("metrics.jsonl")).size());
        assertTrue(Files.isDirectory(run.resolve("checkpoint").resolve("model")));
        String report = Files.readString(run.resolve("report.html"));
        assertTrue(report.contains("cleanse,attune,unify") && report.contains("data:image/png;base64"), "report with curves");

        Path clip = tmp.resolve("clip");
        assertEquals(0, execute(new PretrainCommand(), "clip", "--records", records.toString(), "--split", "all", "--steps",
                "1", "--patients-per-batch", "2", "--frames-per-patient", "3", "--out", clip.toString()));
        assertTrue(Files.readString(clip.resolve("report.html")).contains("clip (stages: none)"));

        Path eval = tmp.resolve("eval");
        assertEquals(0, execute(new EvalCommand(), "zero-shot", "--checkpoint", run.toString(), "--records",
                records.toString(), "--split", "all", "--out", eval.toString()));
        assertTrue(Files.isRegularFile(eval.resolve("metrics.json")));
        assertTrue(Files.isRegularFile(eval.resolve("report.html")));

        Path fewShot = tmp.resolve("few-shot");
        assertEquals(0, execute(new EvalCommand(), "fewshot", "--checkpoint", run.toString(), "--records", records.toString(),
                "--train-split", "all", "--test-split", "all", "--shots", "1,2", "--seeds", "2", "--out", fewShot.toString()));
        com.fasterxml.jackson.databind.JsonNode metrics = org.endolens.util.Json.mapper().readTree(fewShot.resolve("metrics.json").toFile());
        assertEquals(2, metrics.get("seeds").asInt());
        java.util.Set<Integer> shots = new java.util.TreeSet<>();
        metrics.get("cells").forEach(c -> shots.add(c.get("shots").asInt()));
        assertEquals(java.util.Set.of(1, 2), shots);
        assertEquals(2, metrics.get("cells").get(0).get("accuracy").size(), "one accuracy per draw");
    }

    @Test
    void unknownStageIsAUsageErrorNamingTheStages() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PretrainCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println(ex.getMessage());
            return 1;
        });
        assertEquals(1, cli.execute("--records", tmp.resolve("missing.jsonl").toString(), "--split", "all",
                "--stages", "attune,fuse"));
        assertTrue(err.toString().contains("unknown stage 'fuse'"), err.toString());
    }

    @Test
    void pretrainingStartsFromAnImportedOpenClipModelWithItsTokenizerAndGraftsPatientAttention() throws Exception {
        Path fixture = SharedPaths.fixtures().resolve("open-clip").resolve("weights.pth");
        Assumptions.assumeTrue(Files.isRegularFile(fixture), "open_clip fixture not found at " + fixture + "; skipping");
        Path tokenizer = tmp.resolve("word-level-clip.json");
        try (var in = PretrainCommandTest.class.getResourceAsStream("/tokenizers/word-level-clip.json")) {
            Files.copy(in, tokenizer);
        }
        SyntheticColonoscopy.generate(tmp.resolve("data"), SyntheticConfig.tiny());
        Path records = tmp.resolve("data").resolve(SyntheticColonoscopy.RECORDS_FILE);
        Path run = tmp.resolve("run");
        assertEquals(0, execute(new PretrainCommand(), "--records", records.toString(), "--split", "all", "--steps", "2",
                "--lr", "1e-9", "--patients-per-batch", "2", "--frames-per-patient", "3", "--stages", "attune,unify",
                "--init", fixture.toString(), "--layout", "openclip", "--heads", "2", "--text-heads", "2", "--quick-gelu",
                "--tokenizer", tokenizer.toString(), "--out", run.toString()));
        assertTrue(Files.isRegularFile(run.resolve("tokenizer.json")), "the run keeps its tokenizer");
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> trained = ModelWeights.tensors(CheckpointLoader.load(run.resolve("checkpoint/model"),
                    null, ArchitectureOverrides.NONE, true, manager).model());
            Map<String, NDArray> imported = ModelWeights.tensors(CheckpointLoader.load(fixture, Layout.OPENCLIP,
                    new ArchitectureOverrides(2, 2, null, null, true), true, manager).model());
            assertTrue(trained.keySet().stream().anyMatch(k -> k.startsWith("patient_attention.")), "patient attention grafted");
            for (Map.Entry<String, NDArray> e : imported.entrySet()) {
                float diff = trained.get(e.getKey()).sub(e.getValue()).abs().max().getFloat();
                assertTrue(diff < 1e-6, e.getKey() + " moved by " + diff + " at lr 1e-9: not initialised from the import");
            }
        }
        Path eval = tmp.resolve("eval");
        assertEquals(0, execute(new EvalCommand(), "zero-shot", "--checkpoint", run.toString(), "--records",
                records.toString(), "--split", "all", "--out", eval.toString()));
    }

    @Test
    void anImportedTowerWithoutItsTokenizerIsAClearError() {
        Path fixture = SharedPaths.fixtures().resolve("open-clip").resolve("weights.pth");
        Assumptions.assumeTrue(Files.isRegularFile(fixture), "open_clip fixture not found at " + fixture + "; skipping");
        SyntheticColonoscopy.generate(tmp.resolve("data"), SyntheticConfig.tiny());
        CliRun run = CliRun.of("pretrain", "--records", tmp.resolve("data/records.jsonl").toString(), "--split", "all",
                "--steps", "1", "--init", fixture.toString(), "--heads", "2", "--text-heads", "2", "--out",
                tmp.resolve("run").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("100-token vocabulary") && run.err().contains("--tokenizer"), run.err());
    }

    private static int execute(Object command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            throw ex;
        });
        return cli.execute(args);
    }
}
