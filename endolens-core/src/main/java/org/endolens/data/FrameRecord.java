package org.endolens.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One still frame of an exam, with optional task labels. {@code path} and {@code mask} are relative to the records
 * file's folder unless absolute.
 *
 * @param id stable identifier within the data set (e.g. the Kvasir-SEG file stem)
 * @param path image file
 * @param timeS position in the exam video, seconds, when known
 * @param label class label (e.g. {@code polyp}, {@code normal}, a HyperKvasir class)
 * @param mask binary segmentation mask file (0 background, non-zero foreground), or null
 * @param boxes bounding boxes in pixel coordinates (empty when none)
 * @param split {@code train}, {@code val} or {@code test}, or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FrameRecord(
        String id,
        String path,
        @JsonProperty("time_s") Double timeS,
        String label,
        String mask,
        List<Box> boxes,
        String split) {

    public FrameRecord {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("frame " + id + " has no path");
        }
        boxes = boxes == null ? List.of() : List.copyOf(boxes);
    }

    public static FrameRecord of(String id, String path) {
        return new FrameRecord(id, path, null, null, null, List.of(), null);
    }
}
