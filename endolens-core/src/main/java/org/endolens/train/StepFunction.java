package org.endolens.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

/**
 * One training step's forward pass: draw the batch for {@code step} (deterministically, so a resumed run sees the
 * same data) on {@code scope}, run the model with {@code training = true} and return a scalar loss.
 */
@FunctionalInterface
public interface StepFunction {
    NDArray loss(ParameterStore store, long step, NDManager scope);
}
