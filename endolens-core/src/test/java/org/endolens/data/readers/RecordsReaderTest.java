package org.endolens.data.readers;

import org.endolens.data.BadInputPolicy;
import org.endolens.data.Box;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.data.RecordsFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.endolens.data.readers.ProblemAssertions.assertReported;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A data set written as records (paths relative to the file) reads back as the same data set. */
class RecordsReaderTest {
    @TempDir
    Path tmp;

    @Test
    void convertedRecordsReadBackWithTheSameContent() throws IOException {
        Dataset original = tinySegFolder();
        Path records = tmp.resolve("out/records.jsonl");
        RecordsFile.write(records, original.relativeTo(records));
        List<ExamRecord> stored = RecordsFile.read(records);
        assertEquals("../seg/images/a.png", stored.get(0).frames().get(0).path());
        assertEquals("../seg/masks/a.png", stored.get(0).frames().get(0).mask());

        Dataset read = new RecordsReader(ReadOptions.of(Validation.MASKS)).read(records, new Problems(BadInputPolicy.FAIL));
        assertEquals(original.exams(), read.exams());
        assertEquals(original.stats().boxes(), read.stats().boxes());
        assertEquals("records", read.stats().format());
    }

    @Test
    void missingFramesAreReported() throws IOException {
        Dataset original = tinySegFolder();
        Path records = tmp.resolve("records.jsonl");
        RecordsFile.write(records, original.relativeTo(records));
        Files.delete(tmp.resolve("seg/images/b.png"));
        Problems problems = new Problems(BadInputPolicy.SKIP);
        Dataset read = new RecordsReader(ReadOptions.of(Validation.FILES)).read(tmp, problems);
        assertReported(problems, "seg/images/b.png", "image file not found");
        assertEquals(1, read.exams().size());
    }

    @Test
    void boxOutsideTheRealImageIsReportedOnceImagesAreMeasured() {
        Path image = TinyImages.image(tmp.resolve("frames/a.png"), 20, 20);
        Path records = tmp.resolve("records.jsonl");
        FrameRecord frame = new FrameRecord("a", "frames/a.png", null, null, null, List.of(new Box(5, 5, 25, 12, "polyp")), null);
        RecordsFile.write(records, List.of(new ExamRecord("p", "e", null, List.of(frame), List.of(), "report", null)));
        assertEquals(1, new RecordsReader(ReadOptions.of(Validation.FILES)).read(records, new Problems(BadInputPolicy.FAIL))
                .frames().size(), "files only: sizes are not known");
        Problems problems = new Problems(BadInputPolicy.SKIP);
        Dataset read = new RecordsReader(ReadOptions.of(Validation.MASKS)).read(records, problems);
        assertEquals(image.toAbsolutePath().toString(), assertReported(problems, "frames/a.png",
                "box (5, 5)-(25, 12) lies outside the 20x20 image").file());
        assertEquals(0, read.exams().size(), "an exam left without frames is left out");
    }

    private Dataset tinySegFolder() {
        Path root = tmp.resolve("seg");
        for (String id : new String[] {"a", "b"}) {
            TinyImages.image(root.resolve("images/" + id + ".png"), 20, 20);
            TinyImages.mask(root.resolve("masks/" + id + ".png"), 20, 20, new Rectangle(2, 2, 9, 9));
        }
        return new SegFolderReader(ReadOptions.of(Validation.FILES)).read(root, new Problems(BadInputPolicy.FAIL));
    }
}
