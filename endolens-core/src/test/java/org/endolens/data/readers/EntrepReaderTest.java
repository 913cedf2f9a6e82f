package org.endolens.data.readers;

import org.endolens.DataFormatException;
import org.endolens.data.BadInputPolicy;
import org.endolens.data.ExamRecord;
import org.endolens.data.Problems;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.endolens.data.readers.ProblemAssertions.assertReported;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ENTRep data.json: reports from DescriptionEN, names matched ignoring case, bad entries reported. */
class EntrepReaderTest {
    @TempDir
    Path tmp;

    @Test
    void entriesBecomeExamsWithTheirEnglishReport() throws IOException {
        Path root = tmp.resolve("entrep");
        TinyImages.image(root.resolve("images/1001_Image_1.jpg"), 16, 16);
        TinyImages.image(root.resolve("images/1002_image_2.png"), 16, 16);
        Files.writeString(root.resolve("data.json"), "["
                + entry("1001_image_1.jpg", "nose-right", "normal", "niêm mạc bình thường", "normal mucosa") + ","
                + entry("1002_image_2.png", "vc-open", "abnormal", "phù nề", "edema of the arytenoid cartilages") + "]");
        Dataset dataset = new EntrepReader(ReadOptions.of(Validation.FULL)).read(root, new Problems(BadInputPolicy.FAIL));
        assertEquals(2, dataset.exams().size());
        ExamRecord first = dataset.exams().get(0);
        assertEquals("1001_image_1", first.patientId());
        assertEquals("normal mucosa", first.report());
        assertEquals("normal", first.attributes().get("type").asText());
        assertEquals("niêm mạc bình thường", first.attributes().get("description").asText());
        assertTrue(first.frames().get(0).path().endsWith("images/1001_Image_1.jpg"), "matched ignoring case");
        assertEquals("nose-right", first.frames().get(0).label());
        assertEquals(Map.of("nose-right", 1, "vc-open", 1), dataset.stats().labels());
    }

    @Test
    void splitObjectsGiveTheSplit() throws IOException {
        Path root = tmp.resolve("entrep");
        TinyImages.image(root.resolve("images/a.jpg"), 16, 16);
        TinyImages.image(root.resolve("images/b.jpg"), 16, 16);
        Files.writeString(root.resolve("data.json"), "{\"train\": [" + entry("a.jpg", "ear-left", "normal", "x", "y")
                + "], \"test\": [" + entry("b.jpg", "ear-left", "normal", "x", "y") + "]}");
        Dataset dataset = new EntrepReader(ReadOptions.of(Validation.FILES)).read(root, new Problems(BadInputPolicy.FAIL));
        assertEquals(Map.of("train", 1, "test", 1), dataset.stats().splits());
    }

    @Test
    void missingFilesAndDuplicatesAreReportedWithTheEntry() throws IOException {
        Path root = tmp.resolve("entrep");
        TinyImages.image(root.resolve("images/a.jpg"), 16, 16);
        Files.writeString(root.resolve("data.json"), "[" + entry("a.jpg", "ear-left", "normal", "x", "y") + ","
                + entry("gone.jpg", "ear-left", "normal", "x", "y") + "," + entry("a.jpg", "ear-right", "normal", "x", "y")
                + ", {\"Classification\": \"ear-left\"}]");
        Problems problems = new Problems(BadInputPolicy.SKIP);
        Dataset dataset = new EntrepReader(ReadOptions.of(Validation.FILES)).read(root, problems);
        assertReported(problems, "images/gone.jpg", "image not found (referenced by entry 2 of");
        assertReported(problems, "images/a.jpg", "duplicate id 'a'");
        assertReported(problems, "data.json", "entry 4 has no \"Path\"");
        assertEquals(List.of("a"), dataset.exams().stream().map(ExamRecord::examId).toList());
        assertThrows(DataFormatException.class,
                () -> new EntrepReader(ReadOptions.of(Validation.FILES)).read(root, new Problems(BadInputPolicy.FAIL)));
    }

    @Test
    void nonUtf8DataJsonIsReportedWithTheByteOffset() throws IOException {
        Path root = tmp.resolve("entrep");
        Files.createDirectories(root);
        Files.write(root.resolve("data.json"), ("[" + entry("a.jpg", "ear", "normal", "phù nề", "edema") + "]")
                .getBytes(StandardCharsets.ISO_8859_1));
        Problems problems = new Problems(BadInputPolicy.SKIP);
        Dataset dataset = new EntrepReader(ReadOptions.of(Validation.FILES)).read(root, problems);
        assertReported(problems, "data.json", "not valid UTF-8 text (byte offset");
        assertEquals(0, dataset.exams().size());
    }

    private static String entry(String path, String classification, String type, String description, String english) {
        return "{\"Path\": \"" + path + "\", \"Classification\": \"" + classification + "\", \"Type\": \"" + type
                + "\", \"Description\": \"" + description + "\", \"DescriptionEN\": \"" + english + "\"}";
    }
}
