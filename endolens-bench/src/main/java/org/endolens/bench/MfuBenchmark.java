package org.endolens.bench;

import org.endolens.model.Presets;
import org.endolens.util.EngineRuntime;

import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * {@code endolens bench mfu}: fp32 GEMM peak, then ViT-B/16 inference, GEMM peak again, then ViT-S/16 training, each
 * model's MFU taken against the peak measured just before it.
 */
public final class MfuBenchmark {
    /** The model of the inference figure (ViT-B/16 at 224², the torchvision twin the peer runs). */
    public static final String INFERENCE_PRESET = "vit-b-16";
    /** The model of the training figure. */
    public static final String TRAINING_PRESET = "vit-s-16";
    /** GEMM sides: 2048 as the conventions name it, and 4096 in case larger tiles reach a higher peak. */
    public static final List<Integer> GEMM_SIZES = List.of(2048, 4096);
    static final int GEMM_WARMUP = 2;
    static final int GEMM_RUNS = 8;

    /**
     * What to run.
     *
     * @param inference batch, warm-up and timed forwards of the inference model
     * @param training batch, warm-up and timed steps of the training model
     */
    public record Settings(RunPlan inference, RunPlan training) {}

    /**
     * Everything one run measured.
     *
     * @param engine {@link EngineRuntime#describe()} at the start
     * @param cpu CPU model name
     * @param cores cores the JVM sees
     * @param inference the inference model with its GEMM peak
     * @param training the training model with its GEMM peak
     */
    public record Report(Map<String, Object> engine, String cpu, int cores, MfuResult inference, MfuResult training) {}

    /** Listens to a long run: a phase starts with this many units of work, then each unit finishes. */
    public interface Progress {
        IntConsumer phase(String name, int total);
    }

    private MfuBenchmark() {}

    public static Report run(Settings settings, NDManager manager, Progress progress) {
        Map<String, Object> engine = EngineRuntime.describe();
        List<GemmPeak.Result> peakBeforeInference = gemm(manager, progress);
        ModelThroughput inference = VitInferenceBench.measure(Presets.load(INFERENCE_PRESET), manager,
                settings.inference(), progress.phase(INFERENCE_PRESET + " inference", settings.inference().total()));
        List<GemmPeak.Result> peakBeforeTraining = gemm(manager, progress);
        ModelThroughput training = VitTrainingBench.measure(Presets.load(TRAINING_PRESET), manager,
                settings.training(), progress.phase(TRAINING_PRESET + " training", settings.training().total()));
        return new Report(engine, Host.cpuModel(), Host.cores(), new MfuResult(inference, peakBeforeInference),
                new MfuResult(training, peakBeforeTraining));
    }

    private static List<GemmPeak.Result> gemm(NDManager manager, Progress progress) {
        IntConsumer done = progress.phase("fp32 GEMM peak", GEMM_SIZES.size());
        List<GemmPeak.Result> results = new ArrayList<>();
        for (int size : GEMM_SIZES) {
            results.add(GemmPeak.measure(manager, size, GEMM_WARMUP, GEMM_RUNS));
            done.accept(results.size());
        }
        return results;
    }
}
