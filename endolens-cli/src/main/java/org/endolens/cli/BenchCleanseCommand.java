package org.endolens.cli;

import org.endolens.bench.FrameQualityBench;
import org.endolens.util.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code endolens bench cleanse}: frames per second of the frame-quality scorer, alone and with decoding. */
@Command(name = "cleanse", mixinStandardHelpOptions = true,
        description = {"Measure the cleansing stage's frame-quality scorer on a folder of images: frames/s on frames",
            "decoded beforehand (area-average to 128 px + every feature) and with decoding (ImageFiles.read), on as",
            "many threads. Medians of the timed runs after one untimed warm-up run; record results in",
            "docs/benchmarks.md with the load average printed."})
final class BenchCleanseCommand implements Callable<Integer> {
    @Option(names = "--root", defaultValue = "${env:ENDOLENS_DATA:-../shared/data}/kvasir-seg/images",
            description = "Folder of images (default: ${DEFAULT-VALUE}).")
    Path root;

    @Option(names = "--threads", description = "Scoring threads (default: one per core).")
    Integer threads;

    @Option(names = "--seconds", defaultValue = "5", description = "Length of each run (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--runs", defaultValue = "3",
            description = "Timed runs of each measurement (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--frames", defaultValue = "64",
            description = "Frames decoded beforehand for the scorer-only runs (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--json", description = "Also write every measurement as JSON to this file.")
    Path json;

    @Override
    public Integer call() throws Exception {
        FrameQualityBench.Settings settings = new FrameQualityBench.Settings(root,
                CleanseCommand.threadCount(threads), seconds, runs, frames);
        FrameQualityBench.Result result = FrameQualityBench.run(settings, phase -> System.err.println(phase + " ..."));
        System.out.print(table(result));
        if (json != null) {
            Json.mapper().writeValue(json.toFile(), result);
            System.out.println("wrote " + json);
        }
        return 0;
    }

    static String table(FrameQualityBench.Result result) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "cpu      %s, %d cores, load average %.2f before, %.2f after%n",
                result.cpu(), result.cores(), result.loadBefore(), result.loadAfter()));
        out.append(String.format(Locale.ROOT, "images   %s (%d files, first %s), %d threads, %d runs of %.0f s%n%n",
                result.settings().images(), result.files(), result.frameSize(), result.settings().threads(),
                result.settings().runs(), result.settings().seconds()));
        out.append(String.format(Locale.ROOT, "%-34s %10s %12s   %s%n", "measurement", "frames/s", "CPU ms/frame",
                "frames/s of each run"));
        out.append(row("scorer only (frames decoded before)", result.scorerOnly()));
        out.append(row("decode + scorer", result.withDecode()));
        return out.toString();
    }

    private static String row(String name, FrameQualityBench.Rates rates) {
        return String.format(Locale.ROOT, "%-34s %10.1f %12.3f   %s%n", name, rates.framesPerSecond(),
                rates.medianCpuMillisPerFrame(), rates.secondsPerFrame().seconds().stream()
                        .map(s -> String.format(Locale.ROOT, "%.1f", 1 / s)).collect(Collectors.joining(", ")));
    }
}
