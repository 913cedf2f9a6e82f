package org.endolens.cleanse;

/**
 * Whether a frame is informative (kept) or background (dropped), with a score and, for background frames, the
 * reason.
 *
 * @param informative true to keep the frame
 * @param score how informative the frame looks, 0-1; frames at or above the classifier's threshold are kept
 * @param reason why the frame was dropped; null for informative frames
 */
public record FrameDecision(boolean informative, double score, Reason reason) {
    public FrameDecision {
        if (informative != (reason == null)) {
            throw new IllegalArgumentException("a background frame needs a reason and an informative one has none, got "
                    + (informative ? "informative" : "background") + " with reason " + reason);
        }
    }

    public static FrameDecision keep(double score) {
        return new FrameDecision(true, score, null);
    }

    public static FrameDecision drop(double score, Reason reason) {
        return new FrameDecision(false, score, reason);
    }

    /** {@code informative} or {@code background}, as reports write it. */
    public String label() {
        return informative ? "informative" : "background";
    }

    /** The reason's label, or the empty string for an informative frame. */
    public String reasonLabel() {
        return reason == null ? "" : reason.label();
    }
}
