package org.endolens.bench;

import org.endolens.model.ModelConfig;
import org.endolens.nn.VisionTransformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Training-step throughput and resident memory of an image ViT classifier: AdamW on random images and labels,
 * every step in its own sub-manager.
 */
public final class VitTrainingBench {
    /** Learning rate of the benchmark's AdamW; its value does not change the cost of a step. */
    static final float LEARNING_RATE = 1e-4f;

    private VitTrainingBench() {}

    /** Times {@code plan.runs()} steps after {@code plan.warmup()} untimed ones; {@code onStep} hears of each. */
    public static ModelThroughput measure(ModelConfig config, NDManager manager, RunPlan plan, IntConsumer onStep) {
        List<Double> seconds = new ArrayList<>(plan.runs());
        train(config, manager, plan.batch(), plan.total(), (step, elapsed) -> {
            if (step > plan.warmup()) {
                seconds.add(elapsed);
            }
            onStep.accept(step);
        });
        return new ModelThroughput(config.name(), "training", plan.batch(), VitFlops.trainingFlops(config.vision()),
                new Timings(seconds));
    }

    /** Runs {@code steps} steps of {@code batch} images and records resident memory after each one. */
    public static MemoryTrace memory(ModelConfig config, NDManager manager, int batch, int steps, IntConsumer onStep) {
        List<Long> rss = new ArrayList<>(steps);
        List<Long> jit = new ArrayList<>(steps);
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        boolean timed = compiler != null && compiler.isCompilationTimeMonitoringSupported();
        train(config, manager, batch, steps, (step, elapsed) -> {
            rss.add(ResidentMemory.bytes());
            jit.add(timed ? compiler.getTotalCompilationTime() : 0L);
            onStep.accept(step);
        });
        return new MemoryTrace(config.name(), batch, rss, jit);
    }

    private interface StepListener {
        void finished(int step, double seconds);
    }

    private static void train(ModelConfig config, NDManager manager, int batch, int steps, StepListener listener) {
        if (batch <= 0 || steps <= 0) {
            throw new IllegalArgumentException("batch and steps must be positive, got batch=" + batch + " steps=" + steps);
        }
        try (NDManager scope = manager.newSubManager()) {
            VisionTransformer model = VitClassifiers.create(config, scope);
            ClassifierTrainingStep trainer = new ClassifierTrainingStep(model, scope,
                    ClassifierTrainingStep.adamW(LEARNING_RATE));
            StepLeakGuard leaks = new StepLeakGuard(scope);
            for (int i = 1; i <= steps; i++) {
                double elapsed;
                try (NDManager step = scope.newSubManager()) {
                    NDArray images = VitClassifiers.randomImages(config, batch, step);
                    NDArray labels = VitClassifiers.randomLabels(config, batch, step);
                    long start = System.nanoTime();
                    trainer.run(images, labels);
                    elapsed = (System.nanoTime() - start) / 1e9;
                }
                leaks.afterStep(i);
                listener.finished(i, elapsed);
            }
        }
    }
}
