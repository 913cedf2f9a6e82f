package org.endolens;

/** A checkpoint that does not fit the model: unknown, missing or mis-shaped keys, or an unreadable file. */
public class CheckpointException extends EndoLensException {
    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
