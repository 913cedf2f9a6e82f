package org.endolens.report;

import org.endolens.util.AtomicTextFile;
import org.endolens.DataFormatException;
import org.endolens.util.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The attributes file written by {@code endolens extract}: JSON lines {@code {"exam_id", "patient_id", "attributes"}}
 * with the attributes in the gold layout. Written atomically (temporary file, then rename); read strictly.
 */
public final class AttributesFile {
    private AttributesFile() {}

    public static void write(Path file, List<ExamAttributes> exams) {
        ObjectWriter writer = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
        AtomicTextFile.write(file, "attributes", out -> {
            for (ExamAttributes exam : exams) {
                ObjectNode line = Json.mapper().createObjectNode();
                line.put("exam_id", exam.examId());
                line.put("patient_id", exam.patientId());
                line.set("attributes", exam.attributes().toJson());
                out.write(writer.writeValueAsString(line));
                out.newLine();
            }
        });
    }

    public static List<ExamAttributes> read(Path file) {
        List<String> lines = Utf8Lines.read(file);
        List<ExamAttributes> exams = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = file + ":" + (i + 1);
            try {
                JsonNode json = Json.mapper().readTree(lines.get(i));
                exams.add(new ExamAttributes(json.path("exam_id").asText(null), json.path("patient_id").asText(null),
                        ReportAttributes.fromJson(json.get("attributes"))));
            } catch (IOException e) {
                throw new DataFormatException(where + ": not valid JSON (" + Json.reason(e) + ")", e);
            } catch (DataFormatException e) {
                throw new DataFormatException(where + ": " + e.getMessage(), e);
            }
        }
        return exams;
    }
}
