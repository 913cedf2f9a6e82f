package org.endolens.cleanse;

import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.VideoRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The outcome of cleansing a records file: a verdict per frame, in record order, and the exams with only their
 * kept frames (every other field unchanged, exams left without frames included).
 *
 * @param recordsFile the records file the exams were read from
 * @param exams the exams as read
 * @param frames one verdict per frame of {@code exams}, in order
 * @param classifier what decided, in words
 */
public record CleanseResult(Path recordsFile, List<ExamRecord> exams, List<FrameVerdict> frames, String classifier) {
    public CleanseResult {
        exams = List.copyOf(exams);
        frames = List.copyOf(frames);
    }

    /** The exams with only their kept frames, paths as in {@link #recordsFile()}. */
    public List<ExamRecord> kept() {
        List<ExamRecord> kept = new ArrayList<>(exams.size());
        Iterator<FrameVerdict> verdicts = frames.iterator();
        for (ExamRecord exam : exams) {
            List<FrameRecord> keptFrames = new ArrayList<>();
            for (int f = 0; f < exam.frames().size(); f++) {
                FrameVerdict verdict = verdicts.next();
                if (verdict.kept()) {
                    keptFrames.add(verdict.frame());
                }
            }
            kept.add(new ExamRecord(exam.patientId(), exam.examId(), exam.date(), keptFrames, exam.videos(),
                    exam.report(), exam.attributes()));
        }
        return kept;
    }

    /**
     * {@link #kept()} as a records file at {@code output} stores it: relative frame, mask and video paths are
     * rewritten relative to its folder ('/'-separated) when that differs from the input's; absolute ones stay.
     */
    public List<ExamRecord> keptFor(Path output) {
        Path from = recordsFile.toAbsolutePath().normalize().getParent();
        Path to = output.toAbsolutePath().normalize().getParent();
        if (from.equals(to)) {
            return kept();
        }
        String separator = to.getFileSystem().getSeparator();
        UnaryOperator<String> rebase = path -> Path.of(path).isAbsolute() ? path
                : to.relativize(from.resolve(path).normalize()).toString().replace(separator, "/");
        return kept().stream().map(exam -> new ExamRecord(exam.patientId(), exam.examId(), exam.date(),
                exam.frames().stream().map(f -> new FrameRecord(f.id(), rebase.apply(f.path()), f.timeS(), f.label(),
                        f.mask() == null ? null : rebase.apply(f.mask()), f.boxes(), f.split())).toList(),
                exam.videos().stream().map(v -> new VideoRecord(rebase.apply(v.path()), v.label())).toList(),
                exam.report(), exam.attributes())).toList();
    }

    /** Counts of frames kept and dropped, by reason and by exam. */
    public CleanseSummary summary() {
        return CleanseSummary.of(this);
    }
}
