package org.endolens.data.readers;

import org.endolens.DataFormatException;
import org.endolens.data.BadInputPolicy;
import org.endolens.data.Box;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.testing.SharedPaths;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.endolens.data.readers.ProblemAssertions.assertReported;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kvasir-SEG reads into one exam per image with the boxes of bboxes.json; bad entries are reported, not read. */
class KvasirSegReaderTest {
    @TempDir
    Path tmp;

    @Test
    void sharedCopyHasTheCountsOfItsReadme() {
        Path root = SharedPaths.data().resolve("kvasir-seg");
        Assumptions.assumeTrue(Files.isDirectory(root), "Kvasir-SEG not found at " + root + "; skipping");
        Problems problems = new Problems(BadInputPolicy.FAIL);
        Dataset dataset = new KvasirSegReader(ReadOptions.of(Validation.FILES)).read(root, problems);
        DatasetStats stats = dataset.stats();
        assertEquals(1000, stats.patients());
        assertEquals(1000, stats.exams());
        assertEquals(1000, stats.frames());
        assertEquals(1000, stats.masks());
        assertEquals(1071, stats.boxes(), "boxes in bboxes.json");
        assertEquals(1000, stats.positives());
        assertEquals(0, stats.negatives());
        assertEquals(Map.of("train", 800, "val", 100, "test", 100), stats.splits());
        assertEquals(Map.of("polyp", 1000), stats.labels());
        assertEquals(Map.of(1, 945, 2, 47, 3, 6, 4, 1, 10, 1), stats.boxesPerFrame());
        FrameRecord first = dataset.exams().get(0).frames().get(0);
        assertEquals("cju0qkwl35piu0993l0dewei2", first.id());
        assertEquals("cju0qkwl35piu0993l0dewei2", dataset.exams().get(0).patientId());
        assertEquals(List.of(new Box(38, 5, 430, 338, "polyp")), first.boxes());
        assertEquals("train", first.split());
        assertTrue(first.mask().endsWith("masks/cju0qkwl35piu0993l0dewei2.png"), first.mask());
        assertEquals(0, problems.count());
    }

    @Test
    void framesMissingFromBboxesJsonGetTheBoxesOfTheirMasks() throws IOException {
        Path root = tinyKvasir("{\"a\": " + entry(2, 3, 12, 10) + "}");
        Dataset dataset = read(root, Validation.FILES, new Problems(BadInputPolicy.FAIL));
        assertEquals(List.of(new Box(2, 3, 12, 10, "polyp")), frame(dataset, "a").boxes());
        assertEquals(List.of(new Box(4, 4, 20, 14, "polyp")), frame(dataset, "b").boxes());
    }

    @Test
    void boxOutsideTheImageIsReportedAndItsFrameLeftOut() throws IOException {
        Path root = tinyKvasir("{\"a\": " + entry(2, 3, 50, 10) + ", \"b\": " + entry(4, 4, 20, 14) + "}");
        Problems problems = new Problems(BadInputPolicy.SKIP);
        Dataset dataset = read(root, Validation.FILES, problems);
        assertReported(problems, "bboxes.json", "id 'a': box (2, 3)-(50, 10) lies outside the declared 40x30 image");
        assertEquals(List.of("b"), dataset.frames().stream().map(FrameRecord::id).toList());
    }

    @Test
    void duplicateIdInBboxesJsonIsReported() throws IOException {
        Path root = tinyKvasir("{\"a\": " + entry(2, 3, 12, 10) + ", \"a\": " + entry(1, 1, 5, 5) + "}");
        Problems problems = new Problems(BadInputPolicy.SKIP);
        Dataset dataset = read(root, Validation.FILES, problems);
        assertReported(problems, "bboxes.json", "duplicate id 'a'");
        assertEquals(List.of("b"), dataset.frames().stream().map(FrameRecord::id).toList());
    }

    @Test
    void maskOfTheWrongSizeIsReportedWhenMasksAreChecked() throws IOException {
        Path root = tinyKvasir("{}");
        TinyImages.mask(root.resolve("masks/b.png"), 20, 30, new Rectangle(2, 2, 5, 5));
        Problems problems = new Problems(BadInputPolicy.SKIP);
        Dataset dataset = read(root, Validation.MASKS, problems);
        assertReported(problems, "masks/b.png", "mask is 20x30 but its image is 40x30");
        assertEquals(1, dataset.frames().size());
    }

    @Test
    void truncatedJpegIsReportedByTheFullCheckOnly() throws IOException {
        Path root = tinyKvasir("{}");
        TinyImages.truncate(root.resolve("images/a.jpg"));
        assertEquals(2, read(root, Validation.MASKS, new Problems(BadInputPolicy.FAIL)).frames().size(),
                "reading the header does not reach the missing data");
        Problems problems = new Problems(BadInputPolicy.SKIP);
        Dataset dataset = read(root, Validation.FULL, problems);
        assertReported(problems, "images/a.jpg", "corrupt or truncated image");
        assertEquals(1, dataset.frames().size());
    }

    @Test
    void failModeThrowsTheFirstProblemWithItsFile() throws IOException {
        Path root = tinyKvasir("{}");
        Files.delete(root.resolve("masks/a.png"));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> read(root, Validation.FILES, new Problems(BadInputPolicy.FAIL)));
        assertTrue(e.getMessage().contains("images/a.jpg") && e.getMessage().contains("no mask"), e.getMessage());
    }

    @Test
    void unknownSplitIsReportedWithItsLine() throws IOException {
        Path root = tinyKvasir("{}");
        Files.writeString(root.resolve("split.csv"), "id,split\na,train\nb,holdout\n");
        Problems problems = new Problems(BadInputPolicy.SKIP);
        Dataset dataset = read(root, Validation.FILES, problems);
        assertReported(problems, "split.csv:3", "split 'holdout' of 'b' is not train, val or test");
        assertEquals("train", frame(dataset, "a").split());
    }

    // Images a and b (40x30 JPEG) with PNG masks, and the given bboxes.json.
    private Path tinyKvasir(String bboxes) throws IOException {
        Path root = tmp.resolve("kvasir");
        for (String id : new String[] {"a", "b"}) {
            TinyImages.image(root.resolve("images/" + id + ".jpg"), 40, 30);
            TinyImages.mask(root.resolve("masks/" + id + ".png"), 40, 30, new Rectangle(4, 4, 16, 10));
        }
        Files.writeString(root.resolve("bboxes.json"), bboxes);
        return root;
    }

    private static String entry(int xmin, int ymin, int xmax, int ymax) {
        return "{\"height\": 30, \"width\": 40, \"bbox\": [{\"label\": \"polyp\", \"xmin\": " + xmin + ", \"ymin\": " + ymin
                + ", \"xmax\": " + xmax + ", \"ymax\": " + ymax + "}]}";
    }

    private static Dataset read(Path root, Validation validation, Problems problems) {
        return new KvasirSegReader(ReadOptions.of(validation)).read(root, problems);
    }

    static FrameRecord frame(Dataset dataset, String id) {
        return dataset.frames().stream().filter(f -> id.equals(f.id())).findFirst().orElseThrow();
    }
}
