package org.endolens.pretrain;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;

/**
 * Stage 1 as pre-training applies it: keeps the informative frames of each exam, either those a cleansed records
 * file lists or, without one, those whose label is not {@code background:*}; exams left without frames are dropped.
 */
public final class FrameCleansing {
    public static final String BACKGROUND_PREFIX = "background";

    private FrameCleansing() {}

    /** Drops frames labelled {@code background} or {@code background:<kind>}. */
    public static List<ExamRecord> dropBackground(List<ExamRecord> exams) {
        return keepFrames(exams, frame -> !isBackground(frame));
    }

    /** Keeps the frames whose id the cleansed records list (as informative: not labelled background). */
    public static List<ExamRecord> keepListed(List<ExamRecord> exams, List<ExamRecord> cleansed) {
        Set<String> kept = cleansed.stream().flatMap(e -> e.frames().stream()).filter(f -> !isBackground(f))
                .map(FrameRecord::id).collect(Collectors.toSet());
        return keepFrames(exams, frame -> kept.contains(frame.id()));
    }

    private static boolean isBackground(FrameRecord frame) {
        return frame.label() != null && frame.label().startsWith(BACKGROUND_PREFIX);
    }

    /** The exams with only the frames {@code informative} accepts; exams left without frames are dropped. */
    public static List<ExamRecord> keepFrames(List<ExamRecord> exams, Predicate<FrameRecord> informative) {
        return exams.stream()
                .map(e -> new ExamRecord(e.patientId(), e.examId(), e.date(),
                        e.frames().stream().filter(informative).toList(), e.videos(), e.report(), e.attributes()))
                .filter(e -> !e.frames().isEmpty())
                .toList();
    }
}
