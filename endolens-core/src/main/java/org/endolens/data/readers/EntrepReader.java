package org.endolens.data.readers;

import org.endolens.EndoLensException;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.data.image.ImageFiles;
import org.endolens.util.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * ENTRep (ear, nose and throat endoscopy): {@code data.json}, a list of
 * {@code {"Path", "Classification", "Type", "Description", "DescriptionEN"}} or an object of such lists keyed by split
 * ({@code train}, {@code val}, {@code test}), with the images in {@code images/} or beside the file. Names on disk may
 * differ in case from {@code Path} ({@code _image} vs {@code _Image}) and are matched case-insensitively. Each entry is
 * its own patient and exam: {@code DescriptionEN} (else {@code Description}) is the report, {@code Classification} the
 * frame label, {@code Type} and the original {@code Description} the exam attributes {@code type} and
 * {@code description}.
 */
public final class EntrepReader implements DatasetReader {
    public static final String FORMAT = "entrep";

    private static final Set<String> SPLITS = Set.of("train", "val", "test");

    private final ReadOptions options;

    public EntrepReader(ReadOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Dataset read(Path root, Problems problems) {
        Path json = Files.isDirectory(root) ? root.resolve("data.json") : root;
        if (!Files.isRegularFile(json)) {
            throw new EndoLensException(json + ": not found; ENTRep needs data.json (a list of {\"Path\", "
                    + "\"Classification\", \"Type\", \"Description\", \"DescriptionEN\"})");
        }
        List<ExamRecord> exams = new ArrayList<>();
        Optional<JsonNode> tree = TextFiles.readUtf8(json, problems).flatMap(text -> parse(json, text, problems));
        if (tree.isPresent()) {
            ImageLookup images = new ImageLookup(json.toAbsolutePath().normalize().getParent());
            if (tree.get().isArray()) {
                addEntries(json, tree.get(), null, images, exams, problems);
            } else if (tree.get().isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = tree.get().fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> split = it.next();
                    String name = split.getKey().toLowerCase(Locale.ROOT);
                    if (!SPLITS.contains(name) || !split.getValue().isArray()) {
                        problems.report(json.toString(), "\"" + split.getKey() + "\" is not a train, val or test list of entries");
                    } else {
                        addEntries(json, split.getValue(), name, images, exams, problems);
                    }
                }
            } else {
                problems.report(json.toString(), "expected a list of entries or an object of lists by split");
            }
        }
        return new Dataset(FORMAT, root, new ExamValidator(options, false, null).validate(exams, problems));
    }

    private static Optional<JsonNode> parse(Path json, String text, Problems problems) {
        try {
            return Optional.of(Json.mapper().readTree(text));
        } catch (IOException e) {
            problems.report(json.toString(), "not valid JSON (" + Json.reason(e) + ")");
            return Optional.empty();
        }
    }

    private static void addEntries(Path json, JsonNode entries, String split, ImageLookup images, List<ExamRecord> exams,
            Problems problems) {
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String where = (split == null ? "" : split + " ") + "entry " + (i + 1);
            String path = text(entry, "Path");
            if (path == null) {
                problems.report(json.toString(), where + " has no \"Path\"");
                continue;
            }
            Path image = images.find(path);
            if (image == null) {
                problems.report(images.expected(path).toString(), "image not found (referenced by " + where + " of " + json + ")");
                continue;
            }
            String id = DatasetFiles.stem(Path.of(path.replace('\\', '/')).getFileName());
            FrameRecord frame = new FrameRecord(id, DatasetFiles.absolute(image), null, text(entry, "Classification"), null,
                    List.of(), split);
            String description = text(entry, "Description");
            String english = text(entry, "DescriptionEN");
            ObjectNode attributes = Json.mapper().createObjectNode();
            if (text(entry, "Type") != null) {
                attributes.put("type", text(entry, "Type"));
            }
            if (description != null) {
                attributes.put("description", description);
            }
            exams.add(Exams.ofFrame(frame, english != null ? english : description, attributes.isEmpty() ? null : attributes));
        }
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    /** Finds an entry's image under the data folder or its {@code images/}, exactly or else ignoring case. */
    private static final class ImageLookup {
        private final Path folder;
        private Map<String, Path> byLowerCasePath;

        ImageLookup(Path folder) {
            this.folder = folder;
        }

        Path find(String path) {
            String relative = path.replace('\\', '/');
            for (String candidate : List.of("images/" + relative, relative)) {
                if (Files.isRegularFile(folder.resolve(candidate))) {
                    return folder.resolve(candidate);
                }
            }
            if (byLowerCasePath == null) {
                byLowerCasePath = new HashMap<>();
                for (Path file : DatasetFiles.walk(folder, ImageFiles::isImage)) {
                    byLowerCasePath.putIfAbsent(DatasetFiles.slashed(folder.relativize(file)).toLowerCase(Locale.ROOT), file);
                }
            }
            for (String candidate : List.of("images/" + relative, relative)) {
                Path file = byLowerCasePath.get(candidate.toLowerCase(Locale.ROOT));
                if (file != null) {
                    return file;
                }
            }
            return null;
        }

        /** Where the image of {@code path} was expected, for the report. */
        Path expected(String path) {
            Path images = folder.resolve("images");
            return (Files.isDirectory(images) ? images : folder).resolve(path.replace('\\', '/'));
        }
    }
}
