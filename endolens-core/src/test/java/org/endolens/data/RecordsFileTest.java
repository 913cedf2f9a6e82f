package org.endolens.data;

import org.endolens.DataFormatException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordsFileTest {
    @TempDir
    Path tmp;

    private static ExamRecord exam(String id) {
        return new ExamRecord("p1", id, null, List.of(FrameRecord.of(id + "-f0", "images/" + id + ".png")), List.of(),
                "a 5 mm polyp in the rectum", null);
    }

    @Test
    void writesAndReadsBackExamsAtomically() {
        Path file = tmp.resolve("records.jsonl");
        List<ExamRecord> exams = List.of(exam("e1"), exam("e2"));
        RecordsFile.write(file, exams);
        assertEquals(exams, RecordsFile.read(file));
        assertEquals(tmp.resolve("images/e1.png"), RecordsFile.resolve(file, "images/e1.png"));
        assertEquals(1, tmp.toFile().list().length, "no temporary file left behind");
    }

    @Test
    void badLinesAreSkippedAndCountedOrFailWithFileAndLine() throws Exception {
        Path file = tmp.resolve("records.jsonl");
        RecordsFile.write(file, List.of(exam("e1"), exam("e1"), exam("e3")));
        Files.writeString(file, Files.readString(file) + "{\"patient_id\": \"p\"}\n");
        Problems problems = new Problems(BadInputPolicy.SKIP);
        List<ExamRecord> kept = RecordsFile.read(file, problems);
        assertEquals(List.of("e1", "e3"), kept.stream().map(ExamRecord::examId).toList());
        assertEquals(2, problems.count());
        assertTrue(problems.all().get(0).toString().contains("records.jsonl:2: duplicate exam_id 'e1'"), problems.summary());
        assertTrue(problems.all().get(1).toString().contains("records.jsonl:4: not a valid exam record"), problems.summary());
        DataFormatException e = assertThrows(DataFormatException.class, () -> RecordsFile.read(file));
        assertTrue(e.getMessage().endsWith("records.jsonl:2: duplicate exam_id 'e1'"), e.getMessage());
    }

    @Test
    void invalidUtf8IsReportedWithTheLine() throws Exception {
        Path file = tmp.resolve("bad.jsonl");
        Files.write(file, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
        DataFormatException e = assertThrows(DataFormatException.class, () -> RecordsFile.read(file));
        assertTrue(e.getMessage().contains("bad.jsonl:1: not valid UTF-8"), e.getMessage());
    }
}
