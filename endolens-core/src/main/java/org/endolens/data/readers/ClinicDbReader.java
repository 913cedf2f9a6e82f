package org.endolens.data.readers;

import org.endolens.EndoLensException;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CVC-ClinicDB as prepared in {@code shared/data/cvc-clinicdb}: the segmentation-folder layout plus
 * {@code sequences.csv} ({@code frame,sequence}). A sequence is one patient's video, so it becomes patient and exam
 * {@code seq-<n>} with its frames in frame-number order; boxes come from the masks, labelled {@code polyp}.
 */
public final class ClinicDbReader implements DatasetReader {
    public static final String FORMAT = "clinicdb";

    private final ReadOptions options;

    public ClinicDbReader(ReadOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Dataset read(Path root, Problems problems) {
        Path sequences = root.resolve("sequences.csv");
        if (!Files.isRegularFile(sequences)) {
            throw new EndoLensException(sequences + ": not found; CVC-ClinicDB needs sequences.csv (frame,sequence) "
                    + "to group frames into exams (use --format segfolder to read one exam per image)");
        }
        List<FrameRecord> frames = SegmentationFolder.frames(root, problems);
        Map<String, String> sequenceOf = CsvTable.readIfPresent(sequences, problems)
                .map(table -> table.column("frame", "sequence", v -> v.matches("[1-9][0-9]*"), "a positive integer", problems))
                .orElse(Map.of());
        Map<String, List<FrameRecord>> bySequence = new TreeMap<>(DatasetFiles.NATURAL_ORDER);
        for (FrameRecord frame : frames) {
            String sequence = sequenceOf.get(frame.id());
            if (sequence == null) {
                problems.report(frame.path(), "frame " + frame.id() + " is not listed in " + sequences);
            } else {
                bySequence.computeIfAbsent(sequence, s -> new ArrayList<>()).add(frame);
            }
        }
        Set<String> ids = frames.stream().map(FrameRecord::id).collect(Collectors.toSet());
        SegmentationFolder.reportUnknownIds(sequences, sequenceOf.keySet(), ids, problems);
        List<ExamRecord> exams = new ArrayList<>();
        bySequence.forEach((sequence, sequenceFrames) -> exams.add(new ExamRecord("seq-" + sequence, "seq-" + sequence,
                null, sequenceFrames, List.of(), null, null)));
        return new Dataset(FORMAT, root, new ExamValidator(options, true, "polyp").validate(exams, problems));
    }
}
