package org.endolens.data.readers;

import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.VideoRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A data set read into records: its exams with absolute paths, and the format and root it was read from.
 * {@link #relativeTo(Path)} gives the exams as a records file stores them.
 */
public record Dataset(String format, Path root, List<ExamRecord> exams) {
    public Dataset {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(root, "root");
        exams = List.copyOf(exams);
    }

    /** Every frame of every exam, in exam order. */
    public List<FrameRecord> frames() {
        List<FrameRecord> frames = new ArrayList<>();
        exams.forEach(exam -> frames.addAll(exam.frames()));
        return frames;
    }

    /** Every video of every exam, in exam order. */
    public List<VideoRecord> videos() {
        List<VideoRecord> videos = new ArrayList<>();
        exams.forEach(exam -> videos.addAll(exam.videos()));
        return videos;
    }

    public DatasetStats stats() {
        return DatasetStats.of(this);
    }

    /** The exams with image, mask and video paths relative to {@code recordsFile}'s folder, '/'-separated. */
    public List<ExamRecord> relativeTo(Path recordsFile) {
        Path folder = recordsFile.toAbsolutePath().normalize().getParent();
        return exams.stream().map(exam -> withPaths(exam, path -> relative(folder, path))).toList();
    }

    /** {@code exam} with every image, mask and video path replaced by {@code mapping} of it. */
    static ExamRecord withPaths(ExamRecord exam, UnaryOperator<String> mapping) {
        List<FrameRecord> frames = exam.frames().stream()
                .map(f -> new FrameRecord(f.id(), mapping.apply(f.path()), f.timeS(), f.label(),
                        f.mask() == null ? null : mapping.apply(f.mask()), f.boxes(), f.split()))
                .toList();
        List<VideoRecord> videos = exam.videos().stream()
                .map(v -> new VideoRecord(mapping.apply(v.path()), v.label()))
                .toList();
        return new ExamRecord(exam.patientId(), exam.examId(), exam.date(), frames, videos, exam.report(), exam.attributes());
    }

    private static String relative(Path folder, String path) {
        return DatasetFiles.slashed(folder.relativize(Path.of(path).toAbsolutePath().normalize()));
    }
}
