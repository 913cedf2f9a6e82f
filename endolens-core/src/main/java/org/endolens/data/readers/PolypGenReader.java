package org.endolens.data.readers;

import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.data.image.ImageFiles;
import org.endolens.util.Json;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PolypGen: images anywhere below the root with masks named {@code <stem>_mask.<ext>}, beside the image or in the
 * sibling folder whose name starts with {@code masks} instead of {@code images} ({@code data_C1/images_C1} and
 * {@code data_C1/masks_C1}). Frames below a {@code seq<n>} folder form one exam per sequence; any other image is its
 * own exam, with the centre of a {@code data_C<n>} folder kept as the exam attribute {@code centre}. Images without a
 * mask are kept without one (PolypGen has negative frames); boxes come from the masks, labelled {@code polyp}.
 */
public final class PolypGenReader implements DatasetReader {
    public static final String FORMAT = "polypgen";

    private static final Pattern CENTRE = Pattern.compile("(?i)data_(c\\d+)");
    private static final Pattern SEQUENCE = Pattern.compile("(?i)seq\\d+.*");
    private static final String MASK_SUFFIX = "_mask";

    private final ReadOptions options;

    public PolypGenReader(ReadOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Dataset read(Path root, Problems problems) {
        Path top = DatasetFiles.requireFolder(root, "a PolypGen folder").toAbsolutePath().normalize();
        List<Path> images = new ArrayList<>();
        Map<Path, Path> maskOfImageKey = new TreeMap<>();
        for (Path file : DatasetFiles.walk(top, ImageFiles::isImage)) {
            if (isMask(file)) {
                maskOfImageKey.put(imageKey(file), file);
            } else {
                images.add(file);
            }
        }
        List<ExamRecord> exams = new ArrayList<>();
        Map<Path, List<FrameRecord>> sequences = new LinkedHashMap<>();
        for (Path image : images) {
            Path mask = maskOfImageKey.remove(image.getParent().resolve(DatasetFiles.stem(image)));
            FrameRecord frame = new FrameRecord(DatasetFiles.stem(image), DatasetFiles.absolute(image), null, null,
                    mask == null ? null : DatasetFiles.absolute(mask), List.of(), null);
            Path sequence = sequenceFolder(top, image);
            if (sequence != null) {
                sequences.computeIfAbsent(sequence, s -> new ArrayList<>()).add(frame);
            } else {
                exams.add(Exams.ofFrame(frame, null, centre(top, image)));
            }
        }
        sequences.forEach((folder, frames) -> {
            String id = DatasetFiles.slashed(top.relativize(folder));
            exams.add(new ExamRecord(id, id, null, frames, List.of(), null, null));
        });
        maskOfImageKey.forEach((imageKey, mask) ->
                problems.report(mask.toString(), "mask without an image (looked for " + imageKey + ".*)"));
        return new Dataset(FORMAT, root, new ExamValidator(options, true, "polyp").validate(exams, problems));
    }

    private static boolean isMask(Path file) {
        return DatasetFiles.stem(file).toLowerCase(Locale.ROOT).endsWith(MASK_SUFFIX);
    }

    // Where the image of a mask would be, as folder + stem: a masks* folder maps to the images* folder beside it.
    private static Path imageKey(Path mask) {
        String stem = DatasetFiles.stem(mask);
        Path folder = mask.getParent();
        String name = folder.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).startsWith("masks")) {
            folder = folder.resolveSibling("images" + name.substring("masks".length()));
        }
        return folder.resolve(stem.substring(0, stem.length() - MASK_SUFFIX.length()));
    }

    private static Path sequenceFolder(Path top, Path image) {
        for (Path folder = image.getParent(); folder != null && !folder.equals(top); folder = folder.getParent()) {
            if (SEQUENCE.matcher(folder.getFileName().toString()).matches()) {
                return folder;
            }
        }
        return null;
    }

    private static ObjectNode centre(Path top, Path image) {
        for (Path part : top.relativize(image)) {
            Matcher m = CENTRE.matcher(part.toString());
            if (m.matches()) {
                return Json.mapper().createObjectNode().put("centre", m.group(1).toUpperCase(Locale.ROOT));
            }
        }
        return null;
    }
}
