package org.endolens.data.readers;

import org.endolens.data.BadInputPolicy;
import org.endolens.data.ExamRecord;
import org.endolens.data.Problems;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Video folders: one exam per video file, listed without decoding. */
class VideoFolderReaderTest {
    @TempDir
    Path tmp;

    @Test
    void eachVideoIsAnExam() throws IOException {
        Path root = tmp.resolve("videos");
        Files.createDirectories(root.resolve("centre-a"));
        Files.write(root.resolve("centre-a/colonoscopy 1.MP4"), new byte[16]);
        Files.write(root.resolve("b.avi"), new byte[16]);
        Files.writeString(root.resolve("b.srt"), "subtitles");
        Dataset dataset = new VideoFolderReader(ReadOptions.of(Validation.FULL)).read(root, new Problems(BadInputPolicy.FAIL));
        assertEquals(List.of("b", "centre-a/colonoscopy 1"), dataset.exams().stream().map(ExamRecord::examId).toList());
        assertEquals(2, dataset.stats().videos());
        assertEquals(0, dataset.stats().frames());
        assertTrue(dataset.videos().get(1).path().endsWith("colonoscopy 1.MP4"));
    }
}
