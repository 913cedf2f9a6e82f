package org.endolens.cli;

import org.endolens.bench.DataPipelineBench;
import org.endolens.util.EngineRuntime;
import org.endolens.util.Json;

import ai.djl.ndarray.NDManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code endolens bench data}: images per second of decode + augmentation + batching, beside JPEG decoding alone. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Measure the training input pipeline on a folder of images: JPEG decode, RandomResizedCrop "
            + DataPipelineBench.CROP_SIZE + "x" + DataPipelineBench.CROP_SIZE + ",",
            "horizontal flip, colour jitter (0.4, 0.4, 0.2, 0.1), CLIP normalisation, batched into NDArrays by the data",
            "loader's background threads; and JPEG decoding alone on as many threads. Medians of the timed runs after",
            "one untimed warm-up run; record results in docs/benchmarks.md."})
final class BenchDataCommand implements Callable<Integer> {
    @Option(names = "--root", defaultValue = "../shared/data/kvasir-seg/images",
            description = "Folder of images (default: ${DEFAULT-VALUE}).")
    Path root;

    @Option(names = "--threads", description = "Decode threads (default: one per core).")
    Integer threads;

    @Option(names = "--seconds", defaultValue = "10", description = "Length of each timed run (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs of each measurement (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--batch", defaultValue = "32", description = "Images per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--json", description = "Also write every measurement as JSON to this file.")
    Path json;

    @Override
    public Integer call() throws Exception {
        int decodeThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        DataPipelineBench.Settings settings = new DataPipelineBench.Settings(root, decodeThreads, seconds, runs, batch);
        DataPipelineBench.Result result;
        try (NDManager manager = NDManager.newBaseManager(EngineRuntime.device("cpu"))) {
            result = DataPipelineBench.run(settings, manager, phase -> System.err.println("timing " + phase + " ..."));
        }
        System.out.print(table(result));
        if (json != null) {
            Json.mapper().writeValue(json.toFile(), result);
            System.out.println("wrote " + json);
        }
        return 0;
    }

    static String table(DataPipelineBench.Result result) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "cpu      %s, %d cores%n", result.cpu(), result.cores()));
        out.append(String.format(Locale.ROOT, "images   %s (%d files), %d decode threads, batch %d, %d runs of %.0f s%n%n",
                result.settings().images(), result.files(), result.settings().threads(), result.settings().batch(),
                result.settings().runs(), result.settings().seconds()));
        out.append(String.format(Locale.ROOT, "%-52s %10s %12s   %s%n", "measurement", "images/s", "CPU ms/image",
                "images/s of each run"));
        out.append(row("JPEG decode only (ImageFiles.read)", result.decodeOnly()));
        out.append(row("decode + RRC 224 + flip + jitter + normalise + batch", result.pipeline()));
        if (result.badInputs() > 0) {
            out.append(String.format(Locale.ROOT, "%d unreadable images were skipped%n", result.badInputs()));
        }
        return out.toString();
    }

    private static String row(String name, DataPipelineBench.Rates rates) {
        List<Double> runs = rates.imagesPerSecond();
        return String.format(Locale.ROOT, "%-52s %10.1f %12.2f   %s%n", name, rates.medianImagesPerSecond(),
                rates.medianCpuMillisPerImage(), runs.stream().map(r -> String.format(Locale.ROOT, "%.1f", r))
                        .collect(Collectors.joining(", ")));
    }
}
