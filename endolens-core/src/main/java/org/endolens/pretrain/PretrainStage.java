package org.endolens.pretrain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The optional stages of Endo-CLIP pre-training on top of frame–report contrast: drop non-informative frames
 * (cleanse), contrast frames with attribute prompts (attune), and match polyp descriptions to patients' frame sets
 * (unify).
 */
public enum PretrainStage {
    CLEANSE, ATTUNE, UNIFY;

    /** Parses a comma-separated list such as {@code cleanse,attune,unify}; blank or {@code none} is no stage. */
    public static Set<PretrainStage> parse(String csv) {
        Set<PretrainStage> stages = EnumSet.noneOf(PretrainStage.class);
        if (csv == null || csv.isBlank() || csv.strip().equalsIgnoreCase("none")) {
            return stages;
        }
        for (String name : csv.split(",")) {
            try {
                stages.add(valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown stage '" + name.strip()
                        + "'; expected a comma-separated list of cleanse, attune, unify (or none)", e);
            }
        }
        return stages;
    }
}
