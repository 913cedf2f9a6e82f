package org.endolens.bench;

import org.endolens.nn.VisionTransformer;
import org.endolens.util.EngineRuntime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import java.util.Map;

/**
 * One supervised step of a ViT classifier: forward with gradients, softmax cross-entropy on the head's logits,
 * backward, then an optimizer update of every parameter. DJL's PyTorch optimizers zero each gradient after applying
 * it, so gradients never accumulate across steps.
 */
public final class ClassifierTrainingStep {
    private final VisionTransformer model;
    private final ParameterStore store;
    private final Optimizer optimizer;
    private final Map<String, Parameter> parameters;

    /** Trains {@code model}, whose parameters live on {@code manager}, with {@code optimizer} (see {@link #adamW}). */
    public ClassifierTrainingStep(VisionTransformer model, NDManager manager, Optimizer optimizer) {
        if (model.config().numClasses() <= 0) {
            throw new IllegalArgumentException("training needs a classifier head; the model has numClasses=0");
        }
        this.model = model;
        this.optimizer = optimizer;
        this.parameters = model.stateParameters();
        this.store = new ParameterStore(manager, false);
    }

    /** AdamW with PyTorch's defaults (betas 0.9/0.999, eps 1e-8, weight decay 0.01) and a fixed learning rate. */
    public static Optimizer adamW(float learningRate) {
        return Optimizer.adamW().optLearningRateTracker(Tracker.fixed(learningRate)).build();
    }

    /**
     * Runs one step on {@code images} {@code (B, C, H, W)} and integer {@code labels} {@code (B)} and returns the loss
     * before the update. Every intermediate array is created on the images' manager, which the caller closes.
     */
    public float run(NDArray images, NDArray labels) {
        float loss;
        try (GradientCollector collector = EngineRuntime.engine().newGradientCollector()) {
            NDArray logits = model.encode(store, images, true).logits();
            NDArray objective = crossEntropy(logits, labels);
            collector.backward(objective);
            loss = objective.getFloat();
        }
        for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
            NDArray weight = entry.getValue().getArray();
            // getGradient() wraps the gradient in a new handle on the parameters' manager: close it or it piles up.
            try (NDArray gradient = weight.getGradient()) {
                optimizer.update(entry.getKey(), weight, gradient);
            }
        }
        return loss;
    }

    /** Mean of {@code -log softmax(logits)[label]} over the batch. */
    static NDArray crossEntropy(NDArray logits, NDArray labels) {
        return logits.logSoftmax(-1).get(new NDIndex().addAllDim().addPickDim(labels)).neg().mean();
    }
}
