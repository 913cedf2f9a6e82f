package org.endolens.report;

import org.endolens.DataFormatException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The gold JSON layout of {@link ReportAttributes}. Reading is strict because the same code validates LLM replies:
 * a value that only looks right (a size as a string, a count of 2.5, a location outside the nine segments) is
 * rejected with the path of the offending field.
 */
final class AttributesJson {
    static final List<String> REPORT_FIELDS = List.of("polyp_count", "polyps", "bbps_total", "cecum_reached",
            "other_findings");
    static final List<String> POLYP_FIELDS = List.of("size_mm", "location", "morphology", "pathology", "count");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AttributesJson() {}

    static ObjectNode write(ReportAttributes attributes) {
        ObjectNode json = NODES.objectNode();
        json.set("polyp_count", integer(attributes.polypCount()));
        ArrayNode polyps = json.putArray("polyps");
        for (PolypFinding polyp : attributes.polyps()) {
            ObjectNode entry = polyps.addObject();
            entry.set("size_mm", size(polyp.sizeMm()));
            entry.set("location", text(polyp.location()));
            entry.set("morphology", text(polyp.morphology()));
            entry.set("pathology", text(polyp.pathology()));
            entry.set("count", integer(polyp.count()));
        }
        json.set("bbps_total", integer(attributes.bbpsTotal()));
        json.set("cecum_reached", attributes.cecumReached() == null ? NODES.nullNode()
                : NODES.booleanNode(attributes.cecumReached()));
        ArrayNode other = json.putArray("other_findings");
        attributes.otherFindings().forEach(other::add);
        return json;
    }

    static ReportAttributes read(JsonNode json) {
        requireFields(json, "attributes", REPORT_FIELDS);
        List<PolypFinding> polyps = new ArrayList<>();
        JsonNode polypsJson = json.get("polyps");
        if (!polypsJson.isArray()) {
            throw new DataFormatException("polyps: expected an array, got " + polypsJson.getNodeType());
        }
        for (int i = 0; i < polypsJson.size(); i++) {
            polyps.add(polyp(polypsJson.get(i), "polyps[" + i + "]"));
        }
        JsonNode otherJson = json.get("other_findings");
        if (!otherJson.isArray()) {
            throw new DataFormatException("other_findings: expected an array, got " + otherJson.getNodeType());
        }
        Set<String> other = new LinkedHashSet<>();
        for (int i = 0; i < otherJson.size(); i++) {
            String label = string(otherJson.get(i), "other_findings[" + i + "]");
            if (label == null) {
                throw new DataFormatException("other_findings[" + i + "]: expected a string, got null");
            }
            check(() -> OtherFinding.of(label), "other_findings[" + i + "]");
            other.add(label);
        }
        JsonNode cecum = json.get("cecum_reached");
        if (!cecum.isNull() && !cecum.isBoolean()) {
            throw new DataFormatException("cecum_reached: expected true, false or null, got " + cecum);
        }
        Integer polypCount = integer(json.get("polyp_count"), "polyp_count");
        Integer bbps = integer(json.get("bbps_total"), "bbps_total");
        return check(() -> new ReportAttributes(polypCount, polyps, bbps, cecum.isNull() ? null : cecum.booleanValue(),
                other), "attributes");
    }

    private static PolypFinding polyp(JsonNode json, String path) {
        requireFields(json, path, POLYP_FIELDS);
        JsonNode size = json.get("size_mm");
        if (!size.isNull() && !size.isNumber()) {
            throw new DataFormatException(path + ".size_mm: expected a number or null, got " + size);
        }
        Double sizeMm = size.isNull() ? null : size.doubleValue();
        String location = string(json.get("location"), path + ".location");
        String morphology = string(json.get("morphology"), path + ".morphology");
        String pathology = string(json.get("pathology"), path + ".pathology");
        Integer count = integer(json.get("count"), path + ".count");
        return check(() -> new PolypFinding(sizeMm, location, morphology, pathology, count), path);
    }

    private static void requireFields(JsonNode json, String path, List<String> fields) {
        if (json == null || !json.isObject()) {
            throw new DataFormatException(path + ": expected an object");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new DataFormatException(path + ": unknown field '" + name + "' (expected " + fields + ")");
            }
        }
        for (String field : fields) {
            if (!json.has(field)) {
                throw new DataFormatException(path + ": missing field '" + field + "' (write null when unknown)");
            }
        }
    }

    private static Integer integer(JsonNode json, String path) {
        if (json.isNull()) {
            return null;
        }
        if (!json.isIntegralNumber() || !json.canConvertToInt()) {
            throw new DataFormatException(path + ": expected an integer or null, got " + json);
        }
        return json.intValue();
    }

    private static String string(JsonNode json, String path) {
        if (json.isNull()) {
            return null;
        }
        if (!json.isTextual()) {
            throw new DataFormatException(path + ": expected a string or null, got " + json);
        }
        return json.textValue();
    }

    private static <T> T check(Supplier<T> build, String path) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(path + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode integer(Integer value) {
        return value == null ? NODES.nullNode() : NODES.numberNode(value);
    }

    private static JsonNode text(String value) {
        return value == null ? NODES.nullNode() : NODES.textNode(value);
    }

    // Whole sizes are written as integers so the output reads exactly like the gold files ("size_mm": 6).
    private static JsonNode size(Double mm) {
        if (mm == null) {
            return NODES.nullNode();
        }
        return mm == Math.rint(mm) && Math.abs(mm) < Integer.MAX_VALUE ? NODES.numberNode(mm.intValue())
                : NODES.numberNode(mm);
    }
}
