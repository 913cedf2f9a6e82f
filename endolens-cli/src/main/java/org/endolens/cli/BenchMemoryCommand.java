package org.endolens.cli;

import org.endolens.bench.MemoryTrace;
import org.endolens.bench.ResidentMemory;
import org.endolens.bench.VitTrainingBench;
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
                + " and after the last.",
            "Trains a ViT classifier (default ViT-S/16) with AdamW on random batches, each step in its own sub-manager; "
                    + "a leak shows as growth between the two figures."})
final class BenchMemoryCommand implements Callable<Integer> {
    /** Early enough to be cheap, late enough that allocator pools and optimizer state have settled. */
    static final int PROBE_STEP = 20;

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
        if (steps < PROBE_STEP) {
            throw new IllegalArgumentException("--steps " + steps + ": give at least " + PROBE_STEP
                    + " so that the end can be compared with step " + PROBE_STEP);
        }
        Device device = engine.start();
        MemoryTrace trace;
        try (NDManager manager = NDManager.newBaseManager(device)) {
            trace = VitTrainingBench.memory(Presets.load(model), manager, batch, steps,
                    BenchMfuCommand.progressBar(model + " training", steps));
        }
        long growth = trace.growthSince(PROBE_STEP);
        System.out.printf(Locale.ROOT, "RSS after step %d:   %8.1f MiB%n", PROBE_STEP, mib(trace.rssAt(PROBE_STEP)));
        System.out.printf(Locale.ROOT, "RSS after step %d:  %8.1f MiB%n", steps, mib(trace.rssAt(steps)));
        System.out.printf(Locale.ROOT, "growth:              %+8.1f MiB (%+.1f KiB/step)%n", mib(growth),
                growth / 1024.0 / (steps - PROBE_STEP));
        if (json != null) {
            Json.mapper().writeValue(json.toFile(), trace);
            System.out.println("wrote " + json);
        }
        return 0;
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
