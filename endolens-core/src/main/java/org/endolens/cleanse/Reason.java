package org.endolens.cleanse;

import java.util.Locale;

/** Why a frame was judged non-informative: the dominant failing rule, or the feature that pushed it out most. */
public enum Reason {
    DARK,
    OVEREXPOSED,
    SPECULAR,
    BLURRED,
    BUBBLES,
    NOT_MUCOSA;

    /** The name in reports and summaries: {@code dark}, {@code overexposed}, ..., {@code not-mucosa}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
