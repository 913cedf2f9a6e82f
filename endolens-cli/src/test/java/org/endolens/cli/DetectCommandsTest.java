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

/** {@code endolens train detect} and {@code eval detect}, end to end on disks laid out as Kvasir-SEG. */
class DetectCommandsTest {
    @TempDir
    Path tmp;

    /** Disks in Kvasir-SEG's layout: the segmentation folder plus {@code bboxes.json} with each disk's box. */
    private Path kvasirDisks(int count, long seed, String badId) throws Exception {
        Path data = SyntheticDisks.write(tmp.resolve("disks"), count, 40, 32, seed);
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            String id = "disk" + i;
            String box = id.equals(badId) ? "\"xmin\": 30, \"ymin\": 4, \"xmax\": 52, \"ymax\": 20"
                    : "\"xmin\": 2, \"ymin\": 3, \"xmax\": 20, \"ymax\": 21";
            json.append(i == 0 ? "" : ", ").append('"').append(id).append("\": {\"height\": 32, \"width\": 40, \"bbox\": [{")
                    .append("\"label\": \"polyp\", ").append(box).append("}]}");
        }
        Files.writeString(data.resolve("bboxes.json"), json.append('}'));
        return data;
    }

    @Test
    void trainedRunIsEvaluatedWithF1MapAndAReport() throws Exception {
        Path data = kvasirDisks(12, 5, null);
        Path run = tmp.resolve("run");
        CliRun train = CliRun.of("train", "detect", "--checkpoint", "vit-tiny-8", "--image-size", "32", "--format",
                "kvasir-seg", "--root", data.toString(), "--steps", "4", "--batch-size", "4", "--warmup", "1",
                "--checkpoint-every", "2", "--head-channels", "16", "--threads", "1", "--out", run.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertEquals(4, Files.readAllLines(run.resolve("metrics.jsonl")).size());
        JsonNode config = Json.mapper().readTree(run.resolve("detection.json").toFile());
        assertEquals("polyp", config.get("classes").get(0).asText());

        CliRun resume = CliRun.of("train", "detect", "--checkpoint", "vit-tiny-8", "--image-size", "32", "--format",
                "kvasir-seg", "--root", data.toString(), "--steps", "4", "--batch-size", "4", "--warmup", "1",
                "--checkpoint-every", "2", "--head-channels", "16", "--threads", "1", "--out", run.toString(), "--resume");
        assertEquals(0, resume.exitCode(), resume.err());
        assertEquals(4, Files.readAllLines(run.resolve("metrics.jsonl")).size(), "a finished run resumes to nothing");
        CliRun otherHead = CliRun.of("train", "detect", "--checkpoint", "vit-tiny-8", "--image-size", "32", "--format",
                "kvasir-seg", "--root", data.toString(), "--steps", "4", "--batch-size", "4", "--warmup", "1",
                "--checkpoint-every", "2", "--head-channels", "8", "--threads", "1", "--out", run.toString(), "--resume");
        assertEquals(1, otherHead.exitCode());
        assertTrue(otherHead.err().contains("started with another model"), otherHead.err());

        Path eval = tmp.resolve("eval");
        CliRun evaluate = CliRun.of("eval", "detect", "--checkpoint", run.toString(), "--format", "kvasir-seg", "--root",
                data.toString(), "--threads", "1", "--score-threshold", "0.05", "--out", eval.toString());
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        JsonNode metrics = Json.mapper().readTree(eval.resolve("metrics.json").toFile());
        assertEquals(3, metrics.get("images").asInt(), "the test split is every fourth image");
        assertEquals(3, metrics.get("true_boxes").asInt());
        double f1 = metrics.get("f1").asDouble();
        assertTrue(f1 >= 0 && f1 <= 1 && metrics.get("f1_ci_low").asDouble() <= f1, metrics.toString());
        double map = metrics.get("map_50_95").asDouble();
        assertTrue(map >= 0 && map <= metrics.get("ap50").asDouble() + 1e-12, metrics.toString());
        String report = Files.readString(eval.resolve("report.html"));
        assertTrue(report.contains("worst 3 images by F1") && report.contains("COCO mAP"), report);
        assertEquals(4, Files.readAllLines(eval.resolve("per_image.csv")).size());
    }

    @Test
    void aBoxOutsideItsImageNamesTheAnnotationFile() throws Exception {
        Path data = kvasirDisks(4, 6, "disk2");
        CliRun train = CliRun.of("train", "detect", "--checkpoint", "vit-tiny-8", "--image-size", "32", "--format",
                "kvasir-seg", "--root", data.toString(), "--split", "all", "--steps", "2", "--batch-size", "4",
                "--on-bad-input", "fail", "--threads", "1", "--out", tmp.resolve("run").toString());
        assertEquals(1, train.exitCode(), train.err());
        assertTrue(train.err().contains(data.resolve("bboxes.json").toString()) && train.err().contains("disk2")
                && train.err().contains("outside"), train.err());
    }

    @Test
    void evaluatingADirectoryThatIsNotADetectionRunSaysWhatToPass() throws Exception {
        Path data = kvasirDisks(4, 7, null);
        CliRun evaluate = CliRun.of("eval", "detect", "--checkpoint", tmp.toString(), "--format", "kvasir-seg", "--root",
                data.toString(), "--split", "all", "--out", tmp.resolve("eval").toString());
        assertEquals(1, evaluate.exitCode());
        assertTrue(evaluate.err().contains("not a detection run"), evaluate.err());
    }
}
