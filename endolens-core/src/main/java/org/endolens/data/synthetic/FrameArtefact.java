package org.endolens.data.synthetic;

import java.util.Locale;

/** Why a background frame is non-informative; its frame label is {@code background:<name>}. */
enum FrameArtefact {
    BLURRED,
    DARK,
    OVEREXPOSED,
    BUBBLES,
    DEFOCUSED;

    private static final String LABEL_PREFIX = "background:";

    String label() {
        return LABEL_PREFIX + name().toLowerCase(Locale.ROOT);
    }
}
