package org.endolens.tasks;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.endolens.EndoLensException;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.metrics.BinaryScores;
import org.endolens.metrics.Bootstrap;
import org.endolens.metrics.Charts;
import org.endolens.metrics.HtmlReport;
import org.endolens.model.ClipModel;
import org.endolens.text.Tokenizer;
import org.endolens.util.Json;

/**
 * Zero-shot polyp presence: each frame labelled {@code polyp} or {@code normal} is scored by its cosine similarity to
 * the "polyp" prompts minus that to the "no polyp" prompts (ensembled as CLIP does, over a {@link PresencePrompts}
 * set); reports AUROC with a percentile-bootstrap 95% interval.
 */
public final class ZeroShotEvaluation {
    public static final String POLYP = "polyp";
    public static final String NORMAL = "normal";
    public static final double LEVEL = 0.95;

    /** AUROC with its interval over {@code frames} frames, {@code positives} of them showing a polyp. */
    public record Result(int frames, int positives, Bootstrap.Interval auroc, byte[] rocPng) {}

    private ZeroShotEvaluation() {}

    /** Evaluates {@code model} on the polyp and normal frames of {@code exams}; writes metrics.json and report.html. */
    public static Result run(ClipModel model, NDManager manager, List<ExamRecord> exams, Path folder, Path outDir,
            long seed) {
        return run(model, manager, exams, folder, outDir, seed, PresencePrompts.VOCABULARY, null);
    }

    /**
     * As {@link #run(ClipModel, NDManager, List, Path, Path, long)}, asking with {@code prompts} through
     * {@code tokenizer} (null: the byte-level default).
     */
    public static Result run(ClipModel model, NDManager manager, List<ExamRecord> exams, Path folder, Path outDir,
            long seed, PresencePrompts prompts, Tokenizer tokenizer) {
        List<ExamRecord> labelled = FewShotEvaluation.framesLabelled(exams, List.of(POLYP, NORMAL));
        List<FrameRecord> frames = labelled.stream().flatMap(e -> e.frames().stream()).toList();
        boolean[] positive = new boolean[frames.size()];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = POLYP.equals(frames.get(i).label());
        }
        if (positive.length == 0) {
            throw new EndoLensException("no frames labelled polyp or normal to evaluate zero-shot presence on");
        }
        ImageEmbedder embedder = new ImageEmbedder(model, manager, tokenizer);
        ZeroShotClassifier classifier = new ZeroShotClassifier(List.of(
                embedder.texts(prompts.normal()), embedder.texts(prompts.polyp())));
        float[][] similarity = classifier.scores(embedder.frames(labelled, folder, ImageEmbedder.DEFAULT_BATCH));
        double[] scores = new double[similarity.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = similarity[i][1] - similarity[i][0];
        }
        BinaryScores all = new BinaryScores(scores, positive);
        Bootstrap.Interval auroc = Bootstrap.interval(scores.length, idx -> {
            double[] s = new double[idx.length];
            boolean[] p = new boolean[idx.length];
            for (int i = 0; i < idx.length; i++) {
                s[i] = scores[idx[i]];
                p[i] = positive[idx[i]];
            }
            return new BinaryScores(s, p).auroc();
        }, Bootstrap.DEFAULT_RESAMPLES, LEVEL, seed);
        byte[] roc = Charts.roc(Map.of("zero-shot polyp presence", all.roc()));
        Result result = new Result(scores.length, all.positives(), auroc, roc);
        write(result, prompts, outDir);
        return result;
    }

    private static void write(Result result, PresencePrompts prompts, Path outDir) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("task", "polyp presence, zero-shot");
        metrics.put("frames", result.frames());
        metrics.put("positives", result.positives());
        metrics.put("auroc", result.auroc().estimate());
        metrics.put("auroc_ci_low", result.auroc().low());
        metrics.put("auroc_ci_high", result.auroc().high());
        metrics.put("ci_level", result.auroc().level());
        metrics.put("prompts_polyp", prompts.polyp());
        metrics.put("prompts_normal", prompts.normal());
        try {
            Files.createDirectories(outDir);
            Json.mapper().writeValue(outDir.resolve("metrics.json").toFile(), metrics);
        } catch (IOException e) {
            throw new EndoLensException(outDir + ": cannot write metrics.json (" + e.getMessage() + ")", e);
        }
        section(new HtmlReport("EndoLens zero-shot evaluation"), result).write(outDir.resolve("report.html"));
    }

    /** Appends this evaluation's heading, numbers and ROC curve to {@code report}. */
    public static HtmlReport section(HtmlReport report, Result result) {
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("frames (polyp / normal)", result.positives() + " / " + (result.frames() - result.positives()));
        rows.put("AUROC", String.format(Locale.ROOT, "%.3f (%.0f%% CI %.3f–%.3f)", result.auroc().estimate(),
                100 * result.auroc().level(), result.auroc().low(), result.auroc().high()));
        return report.heading("Zero-shot polyp presence").keyValues(rows).image("ROC", result.rocPng());
    }
}
