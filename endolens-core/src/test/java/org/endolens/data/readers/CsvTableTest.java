package org.endolens.data.readers;

import org.endolens.data.BadInputPolicy;
import org.endolens.data.Problems;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.endolens.data.readers.ProblemAssertions.assertReported;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small CSV tables of the data sets: quotes understood, malformed rows reported with their line. */
class CsvTableTest {
    @TempDir
    Path tmp;

    @Test
    void quotedFieldsAndMalformedRows() throws IOException {
        Path file = Files.writeString(tmp.resolve("labels.csv"),
                "\uFEFFid,label\n\"a,1\",\"say \"\"polyp\"\"\"\nb\nc,normal,extra\nd,\"open\n\nc,normal\nc,polyp\n");
        Problems problems = new Problems(BadInputPolicy.SKIP);
        CsvTable table = CsvTable.readIfPresent(file, problems).orElseThrow();
        Map<String, String> labels = table.column("id", "label", v -> !v.isEmpty(), "a label", problems);
        assertEquals(Map.of("a,1", "say \"polyp\"", "c", "normal"), labels);
        assertReported(problems, "labels.csv:3", "expected 2 fields [id, label], found 1");
        assertReported(problems, "labels.csv:4", "found 3");
        assertReported(problems, "labels.csv:5", "unterminated quoted field");
        assertReported(problems, "labels.csv:8", "duplicate id 'c'");
        assertEquals(4, problems.count());
    }

    @Test
    void missingColumnsAreReportedOnceAndAbsentFilesAreNoTable() throws IOException {
        Path file = Files.writeString(tmp.resolve("split.csv"), "image,fold\na,1\n");
        Problems problems = new Problems(BadInputPolicy.SKIP);
        assertTrue(CsvTable.readIfPresent(file, problems).orElseThrow()
                .column("id", "split", v -> true, "anything", problems).isEmpty());
        assertReported(problems, "split.csv", "expected columns id,split, found [image, fold]");
        assertTrue(CsvTable.readIfPresent(tmp.resolve("absent.csv"), problems).isEmpty());
        assertEquals(1, problems.count());
    }
}
