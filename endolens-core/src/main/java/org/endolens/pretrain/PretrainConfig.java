package org.endolens.pretrain;

import java.util.EnumSet;
import java.util.Set;

/**
 * What Endo-CLIP pre-training contrasts and how it batches: the enabled stages, and batches of whole patients
 * ({@code patientsPerBatch}, each with at most {@code framesPerPatient} frames) so the unification stage sees
 * every patient's frame set next to other patients'.
 */
public record PretrainConfig(Set<PretrainStage> stages, int patientsPerBatch, int framesPerPatient) {
    public PretrainConfig {
        stages = stages.isEmpty() ? EnumSet.noneOf(PretrainStage.class) : EnumSet.copyOf(stages);
        if (patientsPerBatch < 1 || framesPerPatient < 1) {
            throw new IllegalArgumentException("patients per batch and frames per patient must be positive, got "
                    + patientsPerBatch + " and " + framesPerPatient);
        }
        if (stages.contains(PretrainStage.UNIFY) && patientsPerBatch < 2) {
            throw new IllegalArgumentException("the unify stage contrasts patients against each other; use at least 2"
                    + " patients per batch, got " + patientsPerBatch);
        }
    }

    public boolean has(PretrainStage stage) {
        return stages.contains(stage);
    }
}
