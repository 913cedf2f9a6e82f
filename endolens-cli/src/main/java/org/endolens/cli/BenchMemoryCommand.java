package org.endolens.cli;

import org.endolens.bench.JavaHeapResidency;
import org.endolens.bench.MemoryTrace;
import org.endolens.bench.ResidentMemory;
import org.endolens.bench.VitTrainingBench;
import org.endolens.model.ModelConfig;
import org.endolens.model.Presets;
import org.endolens.util.Json;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code endolens bench memory}: resident memory of a long training loop, to show that steps free what they make. */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = {"Resident memory (VmRSS) of a long training loop, after step " + BenchMemoryCommand.PROBE_STEP
                + " and after the last, the means of the first and last 20 steps from there, the trend, and how long"
                + " the JIT compiler worked meanwhile.",
            "Trains a ViT classifier (default ViT-S/16) with AdamW on random batches, each step in its own sub-manager; "
                    + "a leak shows as a positive trend and a later mean above the earlier one."})
final class BenchMemoryCommand implements Callable<Integer> {
    /** Early enough to be cheap, late enough that allocator pools and optimizer state have settled. */
    static final int PROBE_STEP = 20;

    /** Steps averaged at each end of the run: enough to smooth the allocator's returns and re-takes of pages. */
    static final int WINDOW = 20;

    @Mixin
    EngineOptions engine;

    @Option(names = "--steps", defaultValue = "200", description = "Training steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--batch", defaultValue = "32", description = "Images per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--model", defaultValue = "vit-s-16",
            description = "Preset or config .json of an image ViT with a classifier head (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--json", description = "Also write the resident memory after every step as JSON to this file.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (!ResidentMemory.available()) {
            throw new IllegalArgumentException("resident memory is read from /proc/self/status, which this OS lacks");
        }
        if (steps <= PROBE_STEP) {
            throw new IllegalArgumentException("--steps " + steps + ": give more than " + PROBE_STEP
                    + " so that the end can be compared with step " + PROBE_STEP);
        }
        JavaHeapResidency.caveat().ifPresent(caveat -> System.err.println("note: " + caveat));
        Device device = engine.start();
        MemoryTrace trace;
        try (NDManager manager = NDManager.newBaseManager(device)) {
            ModelConfig config = Presets.load(model);
            trace = VitTrainingBench.memory(config, manager, batch, steps,
                    BenchMfuCommand.progressBar(config.name() + " training", steps));
        }
        print(trace, steps);
        if (json != null) {
            Json.mapper().writeValue(json.toFile(), trace);
            System.out.println("wrote " + json);
        }
        return 0;
    }

    /**
     * The two readings the target names, then what decides it: the means of the first and last {@value #WINDOW}
     * steps from step {@value #PROBE_STEP} on, and the least-squares trend over all of them.
     */
    private static void print(MemoryTrace trace, int steps) {
        int window = Math.min(WINDOW, (steps - PROBE_STEP + 1) / 2);
        System.out.printf(Locale.ROOT, "RSS after step %d:%14.1f MiB%n", PROBE_STEP, mib(trace.rssAt(PROBE_STEP)));
        System.out.printf(Locale.ROOT, "RSS after step %d:%14.1f MiB  (%+.1f MiB)%n", steps, mib(trace.rssAt(steps)),
                mib(trace.growthSince(PROBE_STEP)));
        double early = trace.windowMean(PROBE_STEP, PROBE_STEP + window - 1);
        double late = trace.windowMean(steps - window + 1, steps);
        System.out.printf(Locale.ROOT, "mean RSS, steps %d-%d:%9.1f MiB%n", PROBE_STEP, PROBE_STEP + window - 1,
                mib(early));
        System.out.printf(Locale.ROOT, "mean RSS, steps %d-%d:%9.1f MiB  (%+.1f MiB)%n", steps - window + 1, steps,
                mib(late), mib(late - early));
        double slope = trace.slope(PROBE_STEP, steps);
        System.out.printf(Locale.ROOT, "trend, steps %d-%d:    %+8.1f KiB/step (%+.1f MiB over the run)%n", PROBE_STEP,
                steps, slope / 1024, mib(slope * (steps - PROBE_STEP)));
        System.out.printf(Locale.ROOT, "JIT compilation after step %d: %d ms (its scratch memory stays resident under "
                + "the launcher's jemalloc; -XX:TieredStopAtLevel=1 shows the loop without C2)%n", PROBE_STEP,
                trace.jitMillisSince(PROBE_STEP));
    }

    private static double mib(double bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
