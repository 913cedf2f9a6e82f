package org.endolens.report;

import org.endolens.DataFormatException;
import org.endolens.EndoLensException;
import org.endolens.util.Json;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads labelled reports ({@code {"id", "patient_id", "report", "gold"}} per line, UTF-8). Reading is strict: invalid
 * UTF-8, malformed JSON, unknown fields, an empty report, invalid gold attributes or a duplicate id are errors that
 * name the file and line.
 */
public final class LabelledReports {
    private static final List<String> FIELDS = List.of("id", "patient_id", "report", "gold");

    private LabelledReports() {}

    public static List<LabelledReport> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new EndoLensException(file + ": no such labelled reports file");
        }
        List<String> lines = Utf8Lines.read(file);
        List<LabelledReport> reports = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = file + ":" + (i + 1);
            LabelledReport report = parse(lines.get(i), where);
            if (!ids.add(report.id())) {
                throw new DataFormatException(where + ": duplicate id '" + report.id() + "'");
            }
            reports.add(report);
        }
        return reports;
    }

    private static LabelledReport parse(String line, String where) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new DataFormatException(where + ": not valid JSON (" + Json.reason(e) + ")", e);
        }
        if (!json.isObject()) {
            throw new DataFormatException(where + ": expected a JSON object with " + FIELDS);
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new DataFormatException(where + ": unknown field '" + name + "' (expected " + FIELDS + ")");
            }
        }
        String id = text(json, "id", where);
        if (id == null || id.isBlank()) {
            throw new DataFormatException(where + ": missing 'id'");
        }
        String report = text(json, "report", where);
        if (report == null || report.isBlank()) {
            throw new DataFormatException(where + ": record '" + id + "' has an empty report");
        }
        if (!json.has("gold")) {
            throw new DataFormatException(where + ": record '" + id + "' has no 'gold' attributes");
        }
        ReportAttributes gold;
        try {
            gold = ReportAttributes.fromJson(json.get("gold"));
        } catch (DataFormatException e) {
            throw new DataFormatException(where + ": record '" + id + "': gold." + e.getMessage(), e);
        }
        return new LabelledReport(id, text(json, "patient_id", where), report, gold);
    }

    private static String text(JsonNode json, String field, String where) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new DataFormatException(where + ": '" + field + "' must be a string, got " + value.getNodeType());
        }
        return value.textValue();
    }
}
