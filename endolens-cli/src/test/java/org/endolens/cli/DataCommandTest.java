package org.endolens.cli;

import org.endolens.data.ExamRecord;
import org.endolens.data.RecordsFile;
import org.endolens.data.readers.TinyImages;
import org.endolens.testing.SharedPaths;
import org.endolens.util.Json;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.awt.Rectangle;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code endolens data stats|convert} on the shared data sets and on broken tiny ones. */
class DataCommandTest {
    @TempDir
    Path tmp;

    @Test
    void checkedStatsOfClinicDbMatchItsReadme() throws Exception {
        Path root = shared("cvc-clinicdb");
        Output run = run("data", "stats", "--format", "clinicdb", "--root", root.toString(), "--check", "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode stats = Json.mapper().readTree(run.out());
        assertEquals(29, stats.get("patients").asInt());
        assertEquals(612, stats.get("frames").asInt());
        assertEquals(612, stats.get("positives").asInt());
        assertEquals(Json.mapper().readTree("{\"train\": 462, \"val\": 54, \"test\": 96}"), stats.get("splits"));
        assertEquals(Json.mapper().readTree("{\"1\": 582, \"2\": 26, \"3\": 4}"), stats.get("boxes_per_frame"));
        assertEquals("full", stats.get("checked").asText());
        assertEquals(0, stats.get("problems").size());
    }

    @Test
    void convertedKvasirKeepsEveryImageBoxAndSplit() throws Exception {
        Path root = shared("kvasir-seg");
        Path records = tmp.resolve("out/kvasir.jsonl");
        Output run = run("data", "convert", "--format", "kvasir-seg", "--root", root.toString(), "--to", records.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("1000 exams of 1000 patients, 1000 frames, 0 videos, 1071 boxes"), run.out());
        assertTrue(run.out().contains("no bad inputs"), run.out());
        List<ExamRecord> exams = RecordsFile.read(records);
        assertEquals(1000, exams.size());
        String path = exams.get(0).frames().get(0).path();
        assertTrue(path.startsWith("../") && path.endsWith("kvasir-seg/images/cju0qkwl35piu0993l0dewei2.jpg"), path);
        assertEquals(800, exams.stream().filter(e -> "train".equals(e.frames().get(0).split())).count());
    }

    @Test
    void recordsConvertedFromClinicDbHaveTheSameStats() throws Exception {
        Path root = shared("cvc-clinicdb");
        Path records = tmp.resolve("clinicdb.jsonl");
        assertEquals(0, run("data", "convert", "--format", "clinicdb", "--root", root.toString(), "--to", records.toString()).code());
        Output run = run("data", "stats", "--format", "records", "--root", records.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("patients     29"), run.out());
        assertTrue(run.out().contains("boxes/frame  1: 582, 2: 26, 3: 4"), run.out());
        assertTrue(run.out().contains("splits       train 462, val 54, test 96"), run.out());
    }

    @Test
    void badInputsAreCountedUnderSkipAndStopTheRunUnderFail() {
        Path root = tmp.resolve("seg");
        TinyImages.image(root.resolve("images/a.jpg"), 40, 30);
        TinyImages.mask(root.resolve("masks/a.png"), 40, 30, new Rectangle(5, 5, 10, 10));
        TinyImages.image(root.resolve("images/b.jpg"), 40, 30);
        TinyImages.mask(root.resolve("masks/b.png"), 30, 30, new Rectangle(5, 5, 10, 10));

        Output skipped = run("data", "stats", "--format", "segfolder", "--root", root.toString());
        assertEquals(0, skipped.code(), skipped.err());
        assertTrue(skipped.out().contains("frames       1"), skipped.out());
        assertTrue(skipped.out().contains("1 bad input skipped:") && skipped.out().contains("masks/b.png: mask is 30x30 but its image is 40x30"),
                skipped.out());

        Output failed = run("data", "stats", "--format", "segfolder", "--root", root.toString(), "--on-bad-input", "fail");
        assertEquals(1, failed.code());
        assertEquals(1, failed.err().strip().lines().count(), failed.err());
        assertTrue(failed.err().contains("masks/b.png: mask is 30x30 but its image is 40x30"), failed.err());
    }

    @Test
    void unknownFormatAndMissingRootAreOneLineErrors() {
        Output unknown = run("data", "stats", "--format", "kvasir", "--root", tmp.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown data set format 'kvasir'; expected one of kvasir-seg, clinicdb"), unknown.err());

        Output missing = run("data", "convert", "--format", "images", "--root", tmp.resolve("nope").toString(), "--to",
                tmp.resolve("r.jsonl").toString());
        assertEquals(1, missing.code());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("nope: no such folder"), missing.err());
        assertTrue(Files.notExists(tmp.resolve("r.jsonl")));
    }

    private static Path shared(String name) {
        Path root = SharedPaths.data().resolve(name);
        Assumptions.assumeTrue(Files.isDirectory(root), name + " not found at " + root + "; skipping");
        return root;
    }

    private static Output run(String... args) {
        CommandLine cli = EndoLensCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Output(code, out.toString(), err.toString());
    }

    private record Output(int code, String out, String err) {}
}
