package org.endolens;

/**
 * Root of EndoLens' errors: a message a user can act on (which file, which field, what to do),
 * printed by the CLI on one line instead of a stack trace.
 */
public class EndoLensException extends RuntimeException {
    public EndoLensException(String message) {
        super(message);
    }

    public EndoLensException(String message, Throwable cause) {
        super(message, cause);
    }
}
