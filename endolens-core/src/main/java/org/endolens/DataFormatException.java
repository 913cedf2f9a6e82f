package org.endolens;

/** A file or record that cannot be read as the format it claims to be (corrupt, truncated, wrong shape). */
public class DataFormatException extends EndoLensException {
    public DataFormatException(String message) {
        super(message);
    }

    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
