package org.endolens.data.readers;

import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.data.image.ImageFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code images/<id>.*} + {@code masks/<id>.*} layout shared by Kvasir-SEG, CVC-ClinicDB and the prepared copies
 * in {@code shared/data}, with optional {@code split.csv} ({@code id,split}) and {@code labels.csv} ({@code id} and
 * either {@code label} or {@code has_polyp} 0/1, read as {@code normal}/{@code polyp}).
 */
final class SegmentationFolder {
    private static final Set<String> SPLITS = Set.of("train", "val", "test");

    private SegmentationFolder() {}

    /** One frame per image, in natural order of ids, each with its mask; images without a mask are reported. */
    static List<FrameRecord> frames(Path root, Problems problems) {
        Path images = DatasetFiles.requireFolder(root.resolve("images"), "images/ with one image per frame");
        Path masks = DatasetFiles.requireFolder(root.resolve("masks"), "masks/ with one mask per image, same file stem");
        Map<String, Path> maskOfId = new LinkedHashMap<>();
        for (Path mask : DatasetFiles.list(masks, ImageFiles::isImage)) {
            Path first = maskOfId.putIfAbsent(DatasetFiles.stem(mask), mask);
            if (first != null) {
                problems.report(mask.toString(), "second mask for id '" + DatasetFiles.stem(mask) + "' (also " + first + ")");
            }
        }
        Map<String, String> splits = splits(root.resolve("split.csv"), problems);
        Map<String, String> labels = labels(root.resolve("labels.csv"), problems);
        List<FrameRecord> frames = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path image : DatasetFiles.list(images, ImageFiles::isImage)) {
            String id = DatasetFiles.stem(image);
            ids.add(id);
            Path mask = maskOfId.get(id);
            if (mask == null) {
                problems.report(image.toString(), "no mask " + masks.resolve(id + ".png") + " (or another image type)");
                continue;
            }
            frames.add(new FrameRecord(id, DatasetFiles.absolute(image), null, labels.get(id),
                    DatasetFiles.absolute(mask), List.of(), splits.get(id)));
        }
        maskOfId.forEach((id, mask) -> {
            if (!ids.contains(id)) {
                problems.report(mask.toString(), "mask without an image in " + images);
            }
        });
        reportUnknownIds(root.resolve("split.csv"), splits.keySet(), ids, problems);
        reportUnknownIds(root.resolve("labels.csv"), labels.keySet(), ids, problems);
        return frames;
    }

    /** The {@code id,split} rows of {@code file} keyed by id; empty when the file is absent. */
    static Map<String, String> splits(Path file, Problems problems) {
        return CsvTable.readIfPresent(file, problems)
                .map(table -> table.column("id", "split", SPLITS::contains, "train, val or test", problems))
                .orElse(Map.of());
    }

    /** Reports the ids a file lists that match none of the {@code known} frame ids. */
    static void reportUnknownIds(Path file, Set<String> listed, Set<String> known, Problems problems) {
        for (String id : listed) {
            if (!known.contains(id)) {
                problems.report(file.toString(), "id '" + id + "' matches no frame");
            }
        }
    }

    private static Map<String, String> labels(Path file, Problems problems) {
        return CsvTable.readIfPresent(file, problems).map(table -> {
            if (table.hasColumn("label") || !table.hasColumn("has_polyp")) {
                return table.column("id", "label", v -> !v.isEmpty(), "a non-empty label", problems);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            table.column("id", "has_polyp", v -> v.equals("0") || v.equals("1"), "0 or 1", problems)
                    .forEach((id, flag) -> labels.put(id, flag.equals("1") ? "polyp" : "normal"));
            return labels;
        }).orElse(Map.of());
    }
}
