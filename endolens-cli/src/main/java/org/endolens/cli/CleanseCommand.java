package org.endolens.cli;

import org.endolens.cleanse.CleanseReport;
import org.endolens.cleanse.CleanseResult;
import org.endolens.cleanse.FrameCleanser;
import org.endolens.cleanse.FrameQualityClassifier;
import org.endolens.data.BadInputPolicy;
import org.endolens.data.ExamRecord;
import org.endolens.data.Problems;
import org.endolens.data.RecordsFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;

/** {@code endolens cleanse}: Endo-CLIP stage 1, keeping only the informative frames of a records file. */
@Command(name = "cleanse", mixinStandardHelpOptions = true,
        description = {"Drop non-informative frames (dark, over-exposed, glare, blurred, bubbles, not mucosa) from a "
                + "records file: writes the records with only the informative frames kept (exams otherwise unchanged; "
                + "no file is deleted), optionally a per-frame CSV, and prints what was dropped and why.",
            "Without --model the default rule thresholds decide; 'endolens cleanse train' fits a model to labelled "
                    + "frames. See docs/formats.md, \"Frame cleansing\"."},
        subcommands = CleanseTrainCommand.class)
final class CleanseCommand implements Callable<Integer> {
    /** Below this many frames a run takes a moment and a progress bar would only flicker. */
    static final int PROGRESS_MIN_FRAMES = 200;
    /** Longer per-exam listings are left to the --report CSV. */
    private static final int EXAM_LINES = 50;

    @Spec
    CommandSpec spec;

    @Option(names = "--records", paramLabel = "FILE", description = "Records JSONL to cleanse (required).")
    Path records;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Records JSONL to write with the kept frames (required; written atomically, relative paths "
                    + "rewritten for its folder).")
    Path out;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Frame-quality model from 'endolens cleanse train' (default: built-in rule thresholds).")
    Path model;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write a per-frame CSV: exam_id, frame_id, path, score, decision, reason, features.")
    Path report;

    @Option(names = "--threads", paramLabel = "N", description = "Decode and scoring threads (default: one per core).")
    Integer threads;

    @Option(names = "--on-bad-input", defaultValue = "skip", paramLabel = "skip|fail",
            description = "An unreadable frame or malformed record: skip (default) reports it, drops it and counts it; "
                    + "fail stops at the first.")
    BadInputPolicy onBadInput;

    @Override
    public Integer call() {
        if (records == null || out == null) {
            throw new ParameterException(spec.commandLine(), "cleansing needs --records FILE and --out FILE");
        }
        Problems problems = new Problems(onBadInput);
        FrameQualityClassifier classifier = model == null ? FrameQualityClassifier.defaults()
                : FrameQualityClassifier.load(model);
        List<ExamRecord> exams = RecordsFile.read(records, problems);
        int frames = exams.stream().mapToInt(exam -> exam.frames().size()).sum();
        CleanseResult result = new FrameCleanser(classifier, threadCount(threads))
                .cleanse(records, exams, problems, progress("cleansing", frames));
        RecordsFile.write(out, result.keptFor(out));
        if (report != null) {
            CleanseReport.write(report, result);
        }
        PrintWriter console = spec.commandLine().getOut();
        console.print(result.summary().text(EXAM_LINES));
        console.println("wrote " + out + (report == null ? "" : " and " + report));
        console.println(problems.summary());
        console.flush();
        return 0;
    }

    static int threadCount(Integer threads) {
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads " + threads + ": give at least 1");
        }
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** A progress bar on an interactive console for runs of many frames, else nothing. */
    static IntConsumer progress(String task, int frames) {
        return System.console() == null || frames < PROGRESS_MIN_FRAMES ? done -> { }
                : BenchMfuCommand.progressBar(task, frames);
    }
}
