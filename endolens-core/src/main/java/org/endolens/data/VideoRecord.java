package org.endolens.data;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A video of an exam; {@code path} is relative to the records file's folder unless absolute. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record VideoRecord(String path, String label) {
    public VideoRecord {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("video entry has no path");
        }
    }
}
