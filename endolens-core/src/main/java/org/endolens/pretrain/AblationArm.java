package org.endolens.pretrain;

import java.util.Set;

/** One row of the Endo-CLIP ablation: plain CLIP, then each stage added on top of the ones before. */
public enum AblationArm {
    CLIP("CLIP (frame-report contrast)", ""),
    CLEANSE("+ cleansing", "cleanse"),
    ATTUNE("+ attunement", "cleanse,attune"),
    UNIFY("+ unification", "cleanse,attune,unify");

    private final String label;
    private final String stages;

    AblationArm(String label, String stages) {
        this.label = label;
        this.stages = stages;
    }

    public String label() {
        return label;
    }

    /** The stages as {@code --stages} takes them ("none" for plain CLIP). */
    public String stagesOption() {
        return stages.isEmpty() ? "none" : stages;
    }

    public Set<PretrainStage> stages() {
        return PretrainStage.parse(stagesOption());
    }
}
