package org.endolens.data.readers;

import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Exams for data sets that do not say which images belong to one patient: each image is its own patient and exam,
 * both named by the frame id, so no two images can leak across a patient-level split.
 */
final class Exams {
    private Exams() {}

    static ExamRecord ofFrame(FrameRecord frame, String report, JsonNode attributes) {
        return new ExamRecord(frame.id(), frame.id(), null, List.of(frame), List.of(), report, attributes);
    }

    static List<ExamRecord> ofFrames(List<FrameRecord> frames) {
        return frames.stream().map(frame -> ofFrame(frame, null, null)).toList();
    }
}
