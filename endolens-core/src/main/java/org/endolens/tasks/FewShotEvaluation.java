package org.endolens.tasks;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.endolens.EndoLensException;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.synthetic.SyntheticColonoscopy;
import org.endolens.metrics.Charts;
import org.endolens.metrics.HtmlReport;
import org.endolens.model.ClipModel;
import org.endolens.util.Json;

/**
 * Few-shot evaluation on frozen image embeddings ({@link FewShot}'s protocol: k examples per class from the training
 * exams, linear probe and prototype classifier, several seeds) for polyp presence (polyp vs normal frames) and polyp
 * morphology and relative size (the Paris class or mask-derived size of the polyp a frame shows, from the exam's
 * attributes and the frame id); a task runs where the data have two classes of it.
 */
public final class FewShotEvaluation {
    public static final int[] SHOTS = {1, 5};
    public static final int SEEDS = 3;

    /** One task's classes, frame counts and cells (method x shots). */
    public record TaskResult(String task, List<String> classes, int trainFrames, int testFrames, List<FewShot.Cell> cells) {}

    /** Every task's cells, the accuracy-vs-shots chart, and how many draws of the shots each cell averages. */
    public record Result(List<TaskResult> tasks, byte[] chartPng, int seeds) {}

    private record Task(String name, BiFunction<ExamRecord, FrameRecord, String> label) {}

    private static final List<Task> TASKS = List.of(
            new Task("presence", (exam, frame) -> ZeroShotEvaluation.POLYP.equals(frame.label())
                    || ZeroShotEvaluation.NORMAL.equals(frame.label()) ? frame.label() : null),
            new Task("morphology", (exam, frame) -> polypAttribute(exam, frame, "morphology")),
            new Task("relative size", (exam, frame) -> polypAttribute(exam, frame, "relative_size")));

    private FewShotEvaluation() {}

    /**
     * Embeds the frames of {@code train} and {@code test} with {@code model}, runs every task that has at least two
     * classes, and writes metrics.json and report.html to {@code outDir}.
     */
    public static Result run(ClipModel model, NDManager manager, List<ExamRecord> train, List<ExamRecord> test,
            Path folder, Path outDir, long seed) {
        return run(model, manager, train, test, folder, outDir, seed, SHOTS, SEEDS);
    }

    /** As above, with {@code shots} examples per class and {@code seeds} draws of them. */
    public static Result run(ClipModel model, NDManager manager, List<ExamRecord> train, List<ExamRecord> test,
            Path folder, Path outDir, long seed, int[] shots, int seeds) {
        ImageEmbedder embedder = new ImageEmbedder(model, manager);
        float[][] trainRows = embedder.frames(train, folder, ImageEmbedder.DEFAULT_BATCH);
        float[][] testRows = embedder.frames(test, folder, ImageEmbedder.DEFAULT_BATCH);
        List<TaskResult> results = new ArrayList<>();
        Map<String, double[][]> series = new LinkedHashMap<>();
        for (Task task : TASKS) {
            List<String> trainLabels = labels(train, task);
            List<String> testLabels = labels(test, task);
            TreeSet<String> classSet = new TreeSet<>();
            trainLabels.stream().filter(l -> l != null).forEach(classSet::add);
            List<String> classes = List.copyOf(classSet);
            if (classes.size() < 2 || testLabels.stream().noneMatch(l -> l != null && classSet.contains(l))) {
                continue;
            }
            Selection x = select(trainRows, trainLabels, classes);
            Selection y = select(testRows, testLabels, classes);
            List<FewShot.Cell> cells = FewShot.run(x.rows, x.labels, y.rows, y.labels, classes.size(), shots, seeds, seed);
            results.add(new TaskResult(task.name(), classes, x.rows.length, y.rows.length, cells));
            for (String method : List.of("linear-probe", "prototype")) {
                List<FewShot.Cell> line = cells.stream().filter(c -> c.method().equals(method)).toList();
                series.put(task.name() + " / " + method, new double[][] {
                    line.stream().mapToDouble(FewShot.Cell::shots).toArray(),
                    line.stream().mapToDouble(FewShot.Cell::meanAccuracy).toArray()});
            }
        }
        if (results.isEmpty()) {
            throw new EndoLensException("no few-shot task has two classes in the training exams and frames in the test exams");
        }
        Result result = new Result(results, Charts.lines("Few-shot accuracy", "shots per class", "accuracy", series, true),
                seeds);
        write(result, outDir);
        return result;
    }

    /** The exams with only the frames whose label is one of {@code labels} (exams left empty are dropped). */
    static List<ExamRecord> framesLabelled(List<ExamRecord> exams, List<String> labels) {
        return exams.stream()
                .map(e -> new ExamRecord(e.patientId(), e.examId(), e.date(),
                        e.frames().stream().filter(f -> f.label() != null && labels.contains(f.label())).toList(), e.videos(), e.report(),
                        e.attributes()))
                .filter(e -> !e.frames().isEmpty())
                .toList();
    }

    /** Appends the few-shot heading, table and chart to {@code report}. */
    public static HtmlReport section(HtmlReport report, Result result) {
        List<List<?>> rows = new ArrayList<>();
        for (TaskResult task : result.tasks()) {
            for (FewShot.Cell cell : task.cells()) {
                rows.add(List.of(task.task(), String.join(", ", task.classes()), cell.method(), cell.shots(),
                        String.format(Locale.ROOT, "%.3f ± %.3f", cell.meanAccuracy(), cell.stdAccuracy()),
                        String.format(Locale.ROOT, "%.3f", cell.meanMacroF1())));
            }
        }
        return report.heading("Few-shot (" + result.seeds() + " seeds, frozen image embeddings)")
                .table(List.of("task", "classes", "method", "shots", "accuracy (mean ± sd)", "macro F1"), rows)
                .image("few-shot accuracy", result.chartPng());
    }

    /** {@code field} of the polyp entry a frame shows (from its id, {@code -p<entry>-f<n>}), or null. */
    private static String polypAttribute(ExamRecord exam, FrameRecord frame, String field) {
        int entry = SyntheticColonoscopy.polypEntry(frame.id());
        JsonNode polyps = exam.attributes() == null ? null : exam.attributes().get("polyps");
        if (entry == 0 || polyps == null || polyps.size() < entry) {
            return null;
        }
        JsonNode value = polyps.get(entry - 1).get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> labels(List<ExamRecord> exams, Task task) {
        List<String> labels = new ArrayList<>();
        for (ExamRecord exam : exams) {
            for (FrameRecord frame : exam.frames()) {
                labels.add(task.label().apply(exam, frame));
            }
        }
        return labels;
    }

    private record Selection(float[][] rows, int[] labels) {}

    private static Selection select(float[][] rows, List<String> labels, List<String> classes) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i) != null && classes.contains(labels.get(i))) {
                kept.add(i);
            }
        }
        int[] index = kept.stream().mapToInt(Integer::intValue).toArray();
        return new Selection(Embeddings.select(rows, index),
                kept.stream().mapToInt(i -> classes.indexOf(labels.get(i))).toArray());
    }

    private static void write(Result result, Path outDir) {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (TaskResult task : result.tasks()) {
            for (FewShot.Cell cell : task.cells()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("task", task.task());
                row.put("classes", task.classes());
                row.put("train_frames", task.trainFrames());
                row.put("test_frames", task.testFrames());
                row.put("method", cell.method());
                row.put("shots", cell.shots());
                row.put("accuracy", cell.accuracy());
                row.put("accuracy_mean", cell.meanAccuracy());
                row.put("accuracy_std", cell.stdAccuracy());
                row.put("macro_f1_mean", cell.meanMacroF1());
                cells.add(row);
            }
        }
        try {
            Files.createDirectories(outDir);
            Json.mapper().writeValue(outDir.resolve("metrics.json").toFile(), Map.of("seeds", result.seeds(), "cells", cells));
        } catch (IOException e) {
            throw new EndoLensException(outDir + ": cannot write metrics.json (" + e.getMessage() + ")", e);
        }
        section(new HtmlReport("EndoLens few-shot evaluation"), result).write(outDir.resolve("report.html"));
    }
}
