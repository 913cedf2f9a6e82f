package org.endolens.report;

import org.endolens.DataFormatException;
import org.endolens.util.Json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attribute schema: the gold JSON layout, strict reading, vocabularies and the polyp-count invariant. */
class ReportAttributesTest {
    private static final String GOLD = "{\"polyp_count\":1,\"polyps\":[{\"size_mm\":6,\"location\":\"sigmoid colon\","
            + "\"morphology\":\"0-Is\",\"pathology\":\"tubular adenoma\",\"count\":1}],\"bbps_total\":7,"
            + "\"cecum_reached\":true,\"other_findings\":[\"diverticulosis\",\"internal hemorrhoids\"]}";

    @TempDir
    Path tmp;

    private static ReportAttributes read(String json) throws Exception {
        return ReportAttributes.fromJson(Json.mapper().readTree(json));
    }

    @Test
    void roundTripsTheGoldLayoutExactly() throws Exception {
        ReportAttributes attributes = read(GOLD);
        assertEquals(GOLD, attributes.toJson().toString());
        assertEquals(new PolypFinding(6.0, "sigmoid colon", "0-Is", "tubular adenoma", 1), attributes.polyps().get(0));
    }

    @Test
    void writesNullsAndFractionalSizes() {
        ReportAttributes attributes = ReportAttributes.of(List.of(new PolypFinding(2.5, null, null, null, null)), null,
                null, Set.of());
        assertEquals("{\"polyp_count\":null,\"polyps\":[{\"size_mm\":2.5,\"location\":null,\"morphology\":null,"
                + "\"pathology\":null,\"count\":null}],\"bbps_total\":null,\"cecum_reached\":null,\"other_findings\":[]}",
                attributes.toJson().toString());
    }

    @Test
    void treatsOtherFindingsAsASet() throws Exception {
        ReportAttributes a = read(GOLD);
        ReportAttributes b = read(GOLD.replace("[\"diverticulosis\",\"internal hemorrhoids\"]",
                "[\"internal hemorrhoids\",\"diverticulosis\"]"));
        assertEquals(a, b);
        assertEquals(a.toJson(), b.toJson());
    }

    @Test
    void rejectsUnknownVocabularyWithThePathOfTheField() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> read(GOLD.replace("sigmoid colon", "left colon")));
        assertTrue(e.getMessage().startsWith("polyps[0]: location: 'left colon' is not one of"), e.getMessage());
        assertThrows(DataFormatException.class, () -> read(GOLD.replace("0-Is", "sessile")));
        assertThrows(DataFormatException.class, () -> read(GOLD.replace("tubular adenoma", "adenoma")));
        assertThrows(DataFormatException.class, () -> read(GOLD.replace("diverticulosis\"", "polyps\"")));
    }

    @Test
    void rejectsWrongTypesUnknownAndMissingFields() {
        assertThrows(DataFormatException.class, () -> read(GOLD.replace("\"size_mm\":6", "\"size_mm\":\"6\"")));
        assertThrows(DataFormatException.class, () -> read(GOLD.replace("\"count\":1", "\"count\":1.5")));
        assertThrows(DataFormatException.class, () -> read(GOLD.replace("\"bbps_total\":7", "\"bbps_total\":10")));
        assertThrows(DataFormatException.class, () -> read(GOLD.replace("\"cecum_reached\":true", "\"cecum_reached\":\"yes\"")));
        assertThrows(DataFormatException.class, () -> read(GOLD.replace("\"bbps_total\":7,", "\"bbps_total\":7,\"extra\":1,")));
        assertThrows(DataFormatException.class, () -> read(GOLD.replace("\"bbps_total\":7,", "")));
    }

    @Test
    void enforcesThePolypCountInvariant() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> read(GOLD.replace("\"polyp_count\":1", "\"polyp_count\":2")));
        assertTrue(e.getMessage().contains("polyp_count"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ReportAttributes(1,
                List.of(new PolypFinding(null, null, null, null, null)), null, null, Set.of()));
        assertEquals(null, ReportAttributes.of(List.of(new PolypFinding(null, "rectum", null, null, null),
                new PolypFinding(7.0, null, null, null, 1)), null, null, Set.of()).polypCount());
    }

    @Test
    void attributesFileRoundTrips() throws Exception {
        Path file = tmp.resolve("out/attributes.jsonl");
        List<ExamAttributes> exams = List.of(new ExamAttributes("E1", "P1", read(GOLD)),
                new ExamAttributes("E2", "P1", ReportAttributes.of(List.of(), 9, true, Set.of())));
        AttributesFile.write(file, exams);
        assertEquals(exams, AttributesFile.read(file));
        assertTrue(java.nio.file.Files.readString(file).startsWith("{\"exam_id\":\"E1\",\"patient_id\":\"P1\","
                + "\"attributes\":{\"polyp_count\":1,"));
    }
}
