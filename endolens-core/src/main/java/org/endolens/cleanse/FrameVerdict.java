package org.endolens.cleanse;

import org.endolens.data.FrameRecord;

import java.nio.file.Path;

/**
 * What cleansing found for one frame of one exam.
 *
 * @param examId the exam the frame belongs to
 * @param frame the frame's record, as read
 * @param file the frame's image file, resolved against the records file
 * @param features the frame's measurements; null when the image could not be read
 * @param decision informative or background, with score and reason; null when the image could not be read
 */
public record FrameVerdict(String examId, FrameRecord frame, Path file, FrameFeatures features,
        FrameDecision decision) {

    /** Whether the frame stays in the cleansed records: read, and judged informative. */
    public boolean kept() {
        return decision != null && decision.informative();
    }

    /** {@code informative}, {@code background} or {@code unreadable}. */
    public String status() {
        return decision == null ? "unreadable" : decision.label();
    }
}
