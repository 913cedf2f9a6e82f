package org.endolens.cleanse;

import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.data.RecordsFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Stage 1 of Endo-CLIP: scores every frame of a set of exams and keeps the informative ones, dropping dark,
 * over-exposed, blurred, bubble-covered and other background frames. Image files are only read, never deleted.
 */
public final class FrameCleanser {
    private final FrameQualityClassifier classifier;
    private final FrameQualityScorer scorer;
    private final int threads;

    /** A cleanser deciding with {@code classifier}, decoding and scoring frames on {@code threads} threads. */
    public FrameCleanser(FrameQualityClassifier classifier, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.classifier = classifier;
        this.scorer = new FrameQualityScorer(classifier.maxSide());
        this.threads = threads;
    }

    /**
     * Judges every frame of {@code exams}, read from {@code recordsFile} (which frame paths are relative to).
     * Unreadable frames are reported to {@code problems} and dropped; {@code progress} hears frames done.
     */
    public CleanseResult cleanse(Path recordsFile, List<ExamRecord> exams, Problems problems, IntConsumer progress) {
        List<Path> files = new ArrayList<>();
        for (ExamRecord exam : exams) {
            for (FrameRecord frame : exam.frames()) {
                files.add(RecordsFile.resolve(recordsFile, frame.path()));
            }
        }
        List<FrameFeatures> features = scorer.scoreFiles(files, threads, problems, progress);
        List<FrameVerdict> verdicts = new ArrayList<>(files.size());
        int i = 0;
        for (ExamRecord exam : exams) {
            for (FrameRecord frame : exam.frames()) {
                FrameFeatures f = features.get(i);
                verdicts.add(new FrameVerdict(exam.examId(), frame, files.get(i), f,
                        f == null ? null : classifier.decide(f)));
                i++;
            }
        }
        return new CleanseResult(recordsFile, exams, verdicts, classifier.describe());
    }
}
