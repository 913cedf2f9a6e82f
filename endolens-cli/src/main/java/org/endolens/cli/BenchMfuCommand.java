package org.endolens.cli;

import org.endolens.bench.GemmPeak;
import org.endolens.bench.MfuBenchmark;
import org.endolens.bench.MfuResult;
import org.endolens.bench.ModelThroughput;
import org.endolens.bench.RunPlan;
import org.endolens.util.Json;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;

/** {@code endolens bench mfu}: fp32 GEMM peak, ViT-B/16 inference and ViT-S/16 training throughput and MFU. */
@Command(name = "mfu", mixinStandardHelpOptions = true,
        description = {"fp32 GEMM peak, ViT-B/16 inference and ViT-S/16 training: images/s and MFU.",
            "Inference runs in eval mode with no gradient collector open; training is cross-entropy + AdamW; batches "
                    + "are random 224x224 images. MFU = model FLOP/s / fp32 GEMM peak measured just before each model "
                    + "in this process with its threads. Quotes medians of the timed runs after warm-up; record results "
                    + "in docs/benchmarks.md."})
final class BenchMfuCommand implements Callable<Integer> {
    @Mixin
    EngineOptions engine;

    @Option(names = "--batch", defaultValue = "32", description = "Images per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--warmup", defaultValue = "3",
            description = "Untimed forwards and training steps before timing (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", defaultValue = "5", description = "Timed inference forwards (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--train-steps", defaultValue = "5", description = "Timed training steps (default: ${DEFAULT-VALUE}).")
    int trainSteps;

    @Option(names = "--json", description = "Also write every measurement as JSON to this file.")
    Path json;

    @Override
    public Integer call() throws Exception {
        MfuBenchmark.Settings settings = new MfuBenchmark.Settings(
                new RunPlan(batch, warmup, iterations), new RunPlan(batch, warmup, trainSteps));
        Device device = engine.start();
        MfuBenchmark.Report report;
        try (NDManager manager = NDManager.newBaseManager(device)) {
            report = MfuBenchmark.run(settings, manager, BenchMfuCommand::progressBar);
        }
        System.out.print(table(report));
        if (json != null) {
            Json.mapper().writeValue(json.toFile(), report);
            System.out.println("wrote " + json);
        }
        return 0;
    }

    /** A console progress bar on stderr that closes itself when the last unit of work finishes. */
    static IntConsumer progressBar(String task, int total) {
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).build();
        return done -> {
            bar.stepTo(done);
            if (done >= total) {
                bar.close();
            }
        };
    }

    static String table(MfuBenchmark.Report report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "engine   %s %s, DJL %s, %s intra-op threads%n", report.engine().get("engine"),
                report.engine().get("pytorch"), report.engine().get("djl"), report.engine().get("intra_op_threads")));
        out.append(String.format(Locale.ROOT, "cpu      %s, %d cores%n%n", report.cpu(), report.cores()));
        out.append(String.format(Locale.ROOT, "%-9s %-9s %5s %9s %7s %9s %9s %9s %30s %6s%n", "model", "mode", "batch",
                "median s", "spread", "images/s", "GFLOP/im", "GFLOP/s", "GEMM GFLOP/s just before", "MFU"));
        for (MfuResult result : new MfuResult[] {report.inference(), report.training()}) {
            ModelThroughput t = result.throughput();
            out.append(String.format(Locale.ROOT, "%-9s %-9s %5d %9.3f %6.1f%% %9.2f %9.2f %9.1f %30s %6.3f%n", t.model(),
                    t.mode(), t.batch(), t.timings().median(), 100 * t.timings().spread(), t.imagesPerSecond(),
                    t.flopsPerImage() / 1e9, t.flopsPerSecond() / 1e9, gemm(result), result.mfu()));
        }
        return out.toString();
    }

    private static String gemm(MfuResult result) {
        StringJoiner sizes = new StringJoiner(", ");
        for (GemmPeak.Result g : result.gemm()) {
            sizes.add(String.format(Locale.ROOT, "%d: %.1f", g.size(), g.flopsPerSecond() / 1e9));
        }
        return sizes.toString();
    }
}
