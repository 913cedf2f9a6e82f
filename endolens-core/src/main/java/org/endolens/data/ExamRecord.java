package org.endolens.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One exam of a patient: its frames and videos and the one free-text report describing it, as stored one per
 * line in a records JSONL file. {@code attributes} holds extracted or gold clinical attributes (the schema of the
 * reports data set) when known.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ExamRecord(
        @JsonProperty("patient_id") String patientId,
        @JsonProperty("exam_id") String examId,
        String date,
        List<FrameRecord> frames,
        List<VideoRecord> videos,
        String report,
        JsonNode attributes) {

    public ExamRecord {
        if (patientId == null || patientId.isBlank()) {
            throw new IllegalArgumentException("exam " + examId + " has no patient_id");
        }
        if (examId == null || examId.isBlank()) {
            throw new IllegalArgumentException("an exam of patient " + patientId + " has no exam_id");
        }
        frames = frames == null ? List.of() : List.copyOf(frames);
        videos = videos == null ? List.of() : List.copyOf(videos);
    }
}
