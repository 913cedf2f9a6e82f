package org.endolens.bench;

import ai.djl.ndarray.NDManager;

/**
 * Fails a benchmark as soon as its steps leave arrays behind on the long-lived manager that holds the model.
 * An op's result joins the manager of its first operand, so a forward that starts from a parameter keeps its
 * activations alive past the step's sub-manager; the count after step 1 (which may create optimizer state) is the
 * baseline every later step must return to.
 */
final class StepLeakGuard {
    private final NDManager owner;
    private int baseline = -1;

    StepLeakGuard(NDManager owner) {
        this.owner = owner;
    }

    /** Call after each step's sub-manager has closed. */
    void afterStep(int step) {
        int held = owner.getManagedArrays().size();
        if (baseline < 0) {
            baseline = held;
        } else if (held > baseline) {
            throw new IllegalStateException("step " + step + " left " + (held - baseline) + " more arrays on the model's "
                    + "manager than step 1 did: some op's first operand is a parameter, so its result (and everything "
                    + "computed from it) outlives the step's sub-manager");
        }
    }
}
