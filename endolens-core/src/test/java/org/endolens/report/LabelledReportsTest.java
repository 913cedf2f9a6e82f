package org.endolens.report;

import org.endolens.DataFormatException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Labelled report files are read strictly, and bad lines are named by file and line. */
class LabelledReportsTest {
    private static final String GOLD = "{\"polyp_count\":0,\"polyps\":[],\"bbps_total\":null,\"cecum_reached\":true,"
            + "\"other_findings\":[]}";

    @TempDir
    Path tmp;

    private Path file(String... lines) throws Exception {
        Path file = tmp.resolve("gold.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static String line(String id, String report) {
        return "{\"id\":\"" + id + "\",\"patient_id\":\"P\",\"report\":\"" + report + "\",\"gold\":" + GOLD + "}";
    }

    @Test
    void readsRecordsAndSkipsBlankLines() throws Exception {
        var reports = LabelledReports.read(file(line("a", "Cecum reached."), "", line("b", "No polyps.")));
        assertEquals(2, reports.size());
        assertEquals(Boolean.TRUE, reports.get(1).gold().cecumReached());
    }

    @Test
    void namesTheLineOfAnEmptyReport() throws Exception {
        Path file = file(line("a", "Cecum reached."), line("b", "  "));
        DataFormatException e = assertThrows(DataFormatException.class, () -> LabelledReports.read(file));
        assertEquals(file + ":2: record 'b' has an empty report", e.getMessage());
    }

    @Test
    void namesTheLineOfInvalidUtf8() throws Exception {
        Path file = tmp.resolve("latin1.jsonl");
        byte[] good = (line("a", "Cecum reached.") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = (line("b", "Caecum reached \u00e9") + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] both = new byte[good.length + bad.length];
        System.arraycopy(good, 0, both, 0, good.length);
        System.arraycopy(bad, 0, both, good.length, bad.length);
        Files.write(file, both);
        DataFormatException e = assertThrows(DataFormatException.class, () -> LabelledReports.read(file));
        assertTrue(e.getMessage().startsWith(file + ":2: not valid UTF-8"), e.getMessage());
    }

    @Test
    void namesTheFieldOfInvalidGold() throws Exception {
        Path file = file(line("a", "x").replace("\"bbps_total\":null", "\"bbps_total\":12"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> LabelledReports.read(file));
        assertTrue(e.getMessage().startsWith(file + ":1: record 'a': gold."), e.getMessage());
        assertTrue(e.getMessage().contains("bbps_total"), e.getMessage());
    }

    @Test
    void rejectsDuplicateIdsAndUnknownFields() throws Exception {
        assertThrows(DataFormatException.class, () -> LabelledReports.read(file(line("a", "x"), line("a", "y"))));
        assertThrows(DataFormatException.class, () -> LabelledReports.read(file(line("a", "x").replace("\"id\"", "\"ident\""))));
    }
}
