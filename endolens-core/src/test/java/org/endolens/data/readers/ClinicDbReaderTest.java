package org.endolens.data.readers;

import org.endolens.EndoLensException;
import org.endolens.data.BadInputPolicy;
import org.endolens.data.ExamRecord;
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
import java.util.stream.IntStream;

import static org.endolens.data.readers.ProblemAssertions.assertReported;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CVC-ClinicDB reads into one exam per sequence, frames in order, boxes from the masks' components. */
class ClinicDbReaderTest {
    @TempDir
    Path tmp;

    @Test
    void sharedCopyHas29SequencesAndTheCountsOfItsReadme() {
        Path root = SharedPaths.data().resolve("cvc-clinicdb");
        Assumptions.assumeTrue(Files.isDirectory(root), "CVC-ClinicDB not found at " + root + "; skipping");
        Problems problems = new Problems(BadInputPolicy.FAIL);
        Dataset dataset = new ClinicDbReader(ReadOptions.of(Validation.MASKS)).read(root, problems);
        DatasetStats stats = dataset.stats();
        assertEquals(29, stats.patients());
        assertEquals(29, stats.exams());
        assertEquals(612, stats.frames());
        assertEquals(612, stats.masks());
        assertEquals(612, stats.positives());
        assertEquals(0, stats.negatives());
        assertEquals(Map.of("train", 462, "val", 54, "test", 96), stats.splits());
        assertEquals(Map.of(1, 582, 2, 26, 3, 4), stats.boxesPerFrame(), "n_components of the README");
        ExamRecord first = dataset.exams().get(0);
        assertEquals("seq-1", first.patientId());
        assertEquals(IntStream.rangeClosed(1, 25).mapToObj(String::valueOf).toList(),
                first.frames().stream().map(FrameRecord::id).toList());
        for (ExamRecord exam : dataset.exams()) {
            assertEquals(1, exam.frames().stream().map(FrameRecord::split).distinct().count(), exam.examId());
        }
        assertEquals(List.of("seq-5", "seq-10", "seq-15", "seq-20", "seq-25"), dataset.exams().stream()
                .filter(e -> e.frames().get(0).split().equals("test")).map(ExamRecord::examId).toList());
        assertEquals(0, problems.count());
    }

    @Test
    void framesAreGroupedBySequenceInFrameNumberOrder() throws IOException {
        Path root = tinyClinicDb("frame,sequence\n10,2\n2,1\n9,2\n1,1\n");
        Dataset dataset = new ClinicDbReader(ReadOptions.of(Validation.FILES)).read(root, new Problems(BadInputPolicy.FAIL));
        assertEquals(List.of("seq-1", "seq-2"), dataset.exams().stream().map(ExamRecord::examId).toList());
        assertEquals(List.of("9", "10"), dataset.exams().get(1).frames().stream().map(FrameRecord::id).toList());
        assertEquals("polyp", dataset.frames().get(0).boxes().get(0).label());
    }

    @Test
    void frameMissingFromSequencesCsvIsReported() throws IOException {
        Path root = tinyClinicDb("frame,sequence\n1,1\n2,1\n9,2\n11,2\n");
        Problems problems = new Problems(BadInputPolicy.SKIP);
        Dataset dataset = new ClinicDbReader(ReadOptions.of(Validation.FILES)).read(root, problems);
        assertReported(problems, "images/10.jpg", "frame 10 is not listed in");
        assertReported(problems, "sequences.csv", "id '11' matches no frame");
        assertEquals(3, dataset.frames().size());
    }

    @Test
    void missingSequencesCsvIsAnErrorThatSuggestsSegfolder() throws IOException {
        Path root = tinyClinicDb("frame,sequence\n");
        Files.delete(root.resolve("sequences.csv"));
        EndoLensException e = assertThrows(EndoLensException.class,
                () -> new ClinicDbReader(ReadOptions.of(Validation.FILES)).read(root, new Problems(BadInputPolicy.SKIP)));
        assertTrue(e.getMessage().contains("sequences.csv") && e.getMessage().contains("--format segfolder"), e.getMessage());
    }

    // Frames 1, 2, 9, 10 (24x16) with one-blob masks.
    private Path tinyClinicDb(String sequences) throws IOException {
        Path root = tmp.resolve("clinicdb");
        for (int n : new int[] {1, 2, 9, 10}) {
            TinyImages.image(root.resolve("images/" + n + ".jpg"), 24, 16);
            TinyImages.mask(root.resolve("masks/" + n + ".png"), 24, 16, new Rectangle(3, 3, 6, 6));
        }
        Files.writeString(root.resolve("sequences.csv"), sequences);
        return root;
    }
}
