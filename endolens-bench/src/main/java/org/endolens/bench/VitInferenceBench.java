package org.endolens.bench;

import org.endolens.model.ModelConfig;
import org.endolens.nn.VisionOutput;
import org.endolens.nn.VisionTransformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/** Evaluation-mode forward throughput of an image ViT on random batches, with no gradient collector open. */
public final class VitInferenceBench {
    private VitInferenceBench() {}

    /**
     * Times {@code plan.runs()} forwards after {@code plan.warmup()} untimed ones, each in its own sub-manager;
     * {@code onRun} hears of every finished forward (warm-up included).
     */
    public static ModelThroughput measure(ModelConfig config, NDManager manager, RunPlan plan, IntConsumer onRun) {
        try (NDManager scope = manager.newSubManager()) {
            VisionTransformer model = VitClassifiers.create(config, scope);
            ParameterStore store = new ParameterStore(scope, false);
            StepLeakGuard leaks = new StepLeakGuard(scope);
            List<Double> seconds = new ArrayList<>(plan.runs());
            for (int i = 0; i < plan.total(); i++) {
                try (NDManager step = scope.newSubManager()) {
                    NDArray images = VitClassifiers.randomImages(config, plan.batch(), step);
                    long start = System.nanoTime();
                    VisionOutput out = model.encode(store, images, false);
                    // Reading one logit waits for the forward on devices that run asynchronously.
                    out.logits().getFloat(0, 0);
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    if (out.logits().hasGradient()) {
                        throw new IllegalStateException("autograd recorded an evaluation forward (is a GradientCollector "
                                + "open on this thread?); the timing would include building the backward graph");
                    }
                    if (i >= plan.warmup()) {
                        seconds.add(elapsed);
                    }
                }
                leaks.afterStep(i + 1);
                onRun.accept(i + 1);
            }
            return new ModelThroughput(config.name(), "inference", plan.batch(), VitFlops.forwardFlops(config.vision()),
                    new Timings(seconds));
        }
    }
}
