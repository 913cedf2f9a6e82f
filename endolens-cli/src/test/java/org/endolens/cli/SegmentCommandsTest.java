package org.endolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.endolens.testing.SyntheticDisks;
import org.endolens.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code endolens train segment}, {@code eval segment} and {@code eval retrieval} of its encoder, end to end. */
class SegmentCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void trainedRunIsEvaluatedAndItsEncoderRetrievesFramesOfTheSameSequence() throws Exception {
        Path data = SyntheticDisks.write(tmp.resolve("disks"), 12, 40, 32, 5);
        StringBuilder sequences = new StringBuilder("frame,sequence\n");
        for (int i = 0; i < 12; i++) {
            sequences.append("disk").append(i).append(',').append(1 + i / 3).append('\n');
        }
        Files.writeString(data.resolve("sequences.csv"), sequences);
        Path run = tmp.resolve("run");
        CliRun train = CliRun.of("train", "segment", "--checkpoint", "vit-tiny-8", "--image-size", "32", "--format",
                "segfolder", "--root", data.toString(), "--steps", "4", "--batch-size", "4", "--warmup", "1",
                "--checkpoint-every", "2", "--decoder-channels", "16", "--out", run.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertEquals(4, Files.readAllLines(run.resolve("metrics.jsonl")).size());
        assertTrue(Files.isRegularFile(run.resolve("segmentation.json")));

        Path eval = tmp.resolve("eval");
        CliRun evaluate = CliRun.of("eval", "segment", "--checkpoint", run.toString(), "--format", "segfolder", "--root",
                data.toString(), "--out", eval.toString());
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        JsonNode metrics = Json.mapper().readTree(eval.resolve("metrics.json").toFile());
        assertEquals(3, metrics.get("images").asInt(), "the test split is every fourth image");
        double dice = metrics.get("mean_dice").asDouble();
        assertTrue(dice >= 0 && dice <= 1 && metrics.get("mean_dice_ci_low").asDouble() <= dice);
        assertTrue(Files.readString(eval.resolve("report.html")).contains("worst 3 images by Dice"));
        assertEquals(4, Files.readAllLines(eval.resolve("per_image.csv")).size());

        Path retrieval = tmp.resolve("retrieval");
        CliRun retrieve = CliRun.of("eval", "retrieval", "--checkpoint", run.toString(), "--format", "clinicdb", "--root",
                data.toString(), "--out", retrieval.toString());
        assertEquals(0, retrieve.exitCode(), retrieve.err());
        JsonNode direction = Json.mapper().readTree(retrieval.resolve("metrics.json").toFile()).get("directions").get(0);
        assertEquals(12, direction.get("queries").asInt());
    }

    @Test
    void maskOfTheWrongSizeStopsTrainingWithTheMaskFileNamed() {
        Path data = SyntheticDisks.write(tmp.resolve("disks"), 4, 40, 32, 6);
        Path bad = SyntheticDisks.writeMaskOfSize(data, "disk2", 10, 10);
        CliRun train = CliRun.of("train", "segment", "--checkpoint", "vit-tiny-8", "--image-size", "32", "--format",
                "segfolder", "--root", data.toString(), "--split", "all", "--steps", "2", "--batch-size", "4",
                "--on-bad-input", "fail", "--out", tmp.resolve("run").toString());
        assertEquals(1, train.exitCode(), train.err());
        assertTrue(train.err().contains(bad.toString()) && train.err().contains("mask is 10x10"), train.err());
    }

    @Test
    void evaluatingADirectoryThatIsNotASegmentationRunSaysWhatToPass() {
        Path data = SyntheticDisks.write(tmp.resolve("disks"), 4, 40, 32, 7);
        CliRun evaluate = CliRun.of("eval", "segment", "--checkpoint", tmp.toString(), "--format", "segfolder", "--root",
                data.toString(), "--split", "all", "--out", tmp.resolve("eval").toString());
        assertEquals(1, evaluate.exitCode());
        assertTrue(evaluate.err().contains("not a segmentation run"), evaluate.err());
    }
}
