package org.endolens.data.readers;

import org.endolens.data.Box;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.util.Json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Kvasir-SEG: the segmentation-folder layout plus {@code bboxes.json},
 * {@code {"<id>": {"height", "width", "bbox": [{"label", "xmin", "ymin", "xmax", "ymax"}]}}}. Patients are unknown,
 * so each image is its own patient and exam; images missing from {@code bboxes.json} get boxes from their masks.
 */
public final class KvasirSegReader implements DatasetReader {
    public static final String FORMAT = "kvasir-seg";

    private final ReadOptions options;

    public KvasirSegReader(ReadOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Dataset read(Path root, Problems problems) {
        List<FrameRecord> frames = SegmentationFolder.frames(root, problems);
        Path json = root.resolve("bboxes.json");
        Map<String, List<Box>> boxesOfId = new LinkedHashMap<>();
        Set<String> rejected = new HashSet<>();
        if (Files.exists(json)) {
            readBoxes(json, boxesOfId, rejected, problems);
        }
        List<FrameRecord> boxed = new ArrayList<>();
        for (FrameRecord frame : frames) {
            List<Box> boxes = boxesOfId.get(frame.id());
            if (boxes != null) {
                boxed.add(new FrameRecord(frame.id(), frame.path(), frame.timeS(), frame.label(), frame.mask(), boxes,
                        frame.split()));
            } else if (!rejected.contains(frame.id())) {
                boxed.add(frame);
            }
        }
        Set<String> ids = frames.stream().map(FrameRecord::id).collect(Collectors.toSet());
        SegmentationFolder.reportUnknownIds(json, boxesOfId.keySet(), ids, problems);
        var exams = Exams.ofFrames(boxed);
        return new Dataset(FORMAT, root, new ExamValidator(options, true, "polyp").validate(exams, problems));
    }

    // Entries one at a time, so that a repeated id or a bad entry is reported on its own and its frame left out.
    private static void readBoxes(Path file, Map<String, List<Box>> boxesOfId, Set<String> rejected, Problems problems) {
        Optional<String> text = TextFiles.readUtf8(file, problems);
        if (text.isEmpty()) {
            return;
        }
        try (JsonParser parser = Json.mapper().createParser(text.get())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                problems.report(file.toString(), "expected an object {\"<id>\": {\"height\", \"width\", \"bbox\": [...]}}");
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String id = parser.currentName();
                parser.nextToken();
                JsonNode entry = parser.readValueAsTree();
                if (boxesOfId.remove(id) != null || rejected.contains(id)) {
                    problems.report(file.toString(), "duplicate id '" + id + "'");
                    rejected.add(id);
                    continue;
                }
                try {
                    boxesOfId.put(id, boxes(entry));
                } catch (IllegalArgumentException e) {
                    problems.report(file.toString(), "id '" + id + "': " + e.getMessage());
                    rejected.add(id);
                }
            }
        } catch (IOException e) {
            problems.report(file.toString(), "not valid JSON (" + Json.reason(e) + ")");
        }
    }

    private static List<Box> boxes(JsonNode entry) {
        int width = positiveInt(entry, "width");
        int height = positiveInt(entry, "height");
        JsonNode list = entry.get("bbox");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("expected a \"bbox\" list");
        }
        List<Box> boxes = new ArrayList<>();
        for (JsonNode b : list) {
            JsonNode label = b.get("label");
            Box box = new Box(number(b, "xmin"), number(b, "ymin"), number(b, "xmax"), number(b, "ymax"),
                    label == null || label.isNull() ? null : label.asText());
            if (!box.inside(width, height)) {
                throw new IllegalArgumentException(ExamValidator.describe(box) + " lies outside the declared "
                        + width + "x" + height + " image");
            }
            boxes.add(box);
        }
        return boxes;
    }

    private static int positiveInt(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() <= 0) {
            throw new IllegalArgumentException("expected a positive integer \"" + field + "\", got " + value);
        }
        return value.asInt();
    }

    private static double number(JsonNode box, String field) {
        JsonNode value = box.get(field);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException("box " + box + " has no number \"" + field + "\"");
        }
        return value.asDouble();
    }
}
