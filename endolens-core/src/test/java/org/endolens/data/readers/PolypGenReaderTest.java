package org.endolens.data.readers;

import org.endolens.data.BadInputPolicy;
import org.endolens.data.Box;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.List;

import static org.endolens.data.readers.KvasirSegReaderTest.frame;
import static org.endolens.data.readers.ProblemAssertions.assertReported;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** PolypGen: *_mask files in masks_* folders or beside images, centres kept, sequences grouped into exams. */
class PolypGenReaderTest {
    @TempDir
    Path tmp;

    @Test
    void centreFoldersSequencesAndMaskNamingAreRead() {
        Path root = tmp.resolve("PolypGen");
        TinyImages.image(root.resolve("data_C1/images_C1/C1_100.jpg"), 32, 24);
        TinyImages.mask(root.resolve("data_C1/masks_C1/C1_100_mask.jpg"), 32, 24, new Rectangle(8, 8, 16, 8));
        TinyImages.image(root.resolve("data_C2/images_C2/C2_7.jpg"), 32, 24);
        TinyImages.image(root.resolve("sequenceData/positive/seq3/seq3_10.jpg"), 32, 24);
        TinyImages.image(root.resolve("sequenceData/positive/seq3/seq3_9.jpg"), 32, 24);
        TinyImages.mask(root.resolve("sequenceData/positive/seq3/seq3_9_mask.jpg"), 32, 24, new Rectangle(0, 0, 8, 8));
        TinyImages.mask(root.resolve("data_C2/masks_C2/C2_8_mask.jpg"), 32, 24);
        Problems problems = new Problems(BadInputPolicy.SKIP);
        Dataset dataset = new PolypGenReader(ReadOptions.of(Validation.FILES)).read(root, problems);

        FrameRecord c1 = frame(dataset, "C1_100");
        assertEquals(List.of(new Box(8, 8, 24, 16, "polyp")), c1.boxes());
        ExamRecord c1Exam = dataset.exams().stream().filter(e -> e.examId().equals("C1_100")).findFirst().orElseThrow();
        assertEquals("C1", c1Exam.attributes().get("centre").asText());
        assertNull(frame(dataset, "C2_7").mask(), "negative frames keep no mask");
        ExamRecord sequence = dataset.exams().stream()
                .filter(e -> e.examId().equals("sequenceData/positive/seq3")).findFirst().orElseThrow();
        assertEquals(List.of("seq3_9", "seq3_10"), sequence.frames().stream().map(FrameRecord::id).toList());
        assertEquals(List.of(new Box(0, 0, 8, 8, "polyp")), sequence.frames().get(0).boxes());
        assertReported(problems, "masks_C2/C2_8_mask.jpg", "mask without an image");
        assertEquals(1, problems.count());
        assertEquals(3, dataset.exams().size());
    }
}
