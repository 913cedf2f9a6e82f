package org.endolens.tasks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.endolens.EndoLensException;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.metrics.Bootstrap;
import org.endolens.metrics.Charts;
import org.endolens.metrics.HtmlReport;
import org.endolens.metrics.RetrievalScores;
import org.endolens.util.Json;

/**
 * Retrieval with frozen embeddings, ranked by cosine similarity. Image→image: every frame queries all other frames,
 * and the frames of the same patient are relevant (a CVC-ClinicDB sequence is one patient); frames whose patient has
 * no other frame cannot be scored and are left out and counted. Text→image, for CLIP encoders: each exam's report
 * retrieves that exam's frames, and each frame label's prompts (CLIP's ensembling over
 * {@link ZeroShotClassifier#ENDOSCOPY_TEMPLATES}) retrieve the frames with that label. Reports Recall@1/5/10 and MRR
 * with a percentile-bootstrap 95% interval for Recall@1 over queries.
 */
public final class RetrievalEvaluation {
    public static final int[] KS = {1, 5, 10};
    public static final double LEVEL = 0.95;
    /** The longest K of the Recall@K chart. */
    private static final int CHART_K = 10;

    /**
     * One retrieval direction's scores.
     *
     * @param name e.g. {@code image->image (same patient)}
     * @param queries queries scored (those with at least one relevant gallery item)
     * @param skippedQueries queries left out because nothing in the gallery is relevant to them
     * @param gallery gallery size
     * @param recall Recall@K for each of {@link #KS}
     * @param mrr mean reciprocal rank of the first relevant item
     * @param recallAt1 Recall@1 with its bootstrap interval
     * @param recallCurve Recall@K for K = 1..10
     */
    public record Direction(String name, int queries, int skippedQueries, int gallery, double[] recall, double mrr,
            Bootstrap.Interval recallAt1, double[] recallCurve) {}

    /** Every direction that could be scored, and the Recall@K chart. */
    public record Result(List<Direction> directions, byte[] chartPng) {}

    private RetrievalEvaluation() {}

    /**
     * Scores one direction from embeddings (any scale; rows are L2-normalised here). {@code excludeSelf} removes
     * gallery item q from query q's ranking (queries and gallery are the same set).
     */
    public static Direction score(String name, float[][] queries, float[][] gallery, boolean[][] relevant,
            boolean excludeSelf, long seed) {
        float[][] similarity = Embeddings.similarity(Embeddings.normalize(queries), Embeddings.normalize(gallery));
        RetrievalScores all = RetrievalScores.of(similarity, relevant, excludeSelf);
        int[] scorable = IntStream.range(0, queries.length)
                .filter(q -> hasRelevant(relevant[q], excludeSelf ? q : -1)).toArray();
        if (scorable.length == 0) {
            throw new EndoLensException(name + ": no query has a relevant gallery item");
        }
        RetrievalScores scores = all.subset(scorable);
        double[] recall = new double[KS.length];
        for (int i = 0; i < KS.length; i++) {
            recall[i] = scores.recallAt(KS[i]);
        }
        double[] curve = new double[CHART_K];
        for (int k = 1; k <= CHART_K; k++) {
            curve[k - 1] = scores.recallAt(k);
        }
        Bootstrap.Interval r1 = Bootstrap.interval(scorable.length, idx -> scores.subset(idx).recallAt(1),
                Bootstrap.DEFAULT_RESAMPLES, LEVEL, seed);
        return new Direction(name, scorable.length, queries.length - scorable.length, gallery.length, recall,
                scores.meanReciprocalRank(), r1, curve);
    }

    private static boolean hasRelevant(boolean[] row, int self) {
        for (int i = 0; i < row.length; i++) {
            if (row[i] && i != self) {
                return true;
            }
        }
        return false;
    }

    /**
     * Embeds every frame of {@code exams} with {@code embedder}, scores every direction the data and the encoder
     * allow, and writes metrics.json and report.html to {@code outDir}.
     */
    public static Result run(ImageEmbedder embedder, List<ExamRecord> exams, Path folder, Path outDir, long seed) {
        List<FrameRecord> frames = new ArrayList<>();
        List<String> patientOfFrame = new ArrayList<>();
        List<String> examOfFrame = new ArrayList<>();
        for (ExamRecord exam : exams) {
            for (FrameRecord frame : exam.frames()) {
                frames.add(frame);
                patientOfFrame.add(exam.patientId());
                examOfFrame.add(exam.examId());
            }
        }
        if (frames.isEmpty()) {
            throw new EndoLensException("no frames to evaluate retrieval on");
        }
        float[][] images = embedder.frames(exams, folder, ImageEmbedder.DEFAULT_BATCH);
        List<Direction> directions = new ArrayList<>();
        boolean[][] samePatient = relevance(patientOfFrame, patientOfFrame);
        if (anyOtherRelevant(samePatient)) {
            directions.add(score("image->image (same patient)", images, images, samePatient, true, seed));
        }
        if (embedder.embedsText()) {
            List<ExamRecord> reported = exams.stream()
                    .filter(e -> e.report() != null && !e.report().isBlank() && !e.frames().isEmpty()).toList();
            if (!reported.isEmpty()) {
                float[][] texts = embedder.texts(reported.stream().map(ExamRecord::report).toList());
                boolean[][] ownExam = relevance(reported.stream().map(ExamRecord::examId).toList(), examOfFrame);
                directions.add(score("text->image (report -> its exam's frames)", texts, images, ownExam, false, seed));
            }
            List<String> labelOfFrame = frames.stream().map(FrameRecord::label).toList();
            List<String> labels = List.copyOf(new TreeSet<>(labelOfFrame.stream().filter(l -> l != null).toList()));
            if (labels.size() >= 2) {
                float[][] classes = labels.stream()
                        .map(l -> Embeddings.normalizedMean(Embeddings.normalize(embedder.texts(
                                ZeroShotClassifier.prompts(ZeroShotClassifier.ENDOSCOPY_TEMPLATES, List.of(l))))))
                        .toArray(float[][]::new);
                directions.add(score("text->image (label prompts -> frames with that label)", classes, images,
                        relevance(labels, labelOfFrame), false, seed));
            }
        }
        if (directions.isEmpty()) {
            throw new EndoLensException("nothing to retrieve: no patient has two frames"
                    + (embedder.embedsText() ? ", no exam has a report and frames carry fewer than two labels"
                            : " (text->image needs a CLIP checkpoint)"));
        }
        Map<String, double[][]> series = new LinkedHashMap<>();
        double[] ks = IntStream.rangeClosed(1, CHART_K).asDoubleStream().toArray();
        directions.forEach(d -> series.put(d.name(), new double[][] {ks, d.recallCurve()}));
        Result result = new Result(directions, Charts.lines("Recall@K", "K", "recall", series, false));
        write(result, frames.size(), outDir);
        return result;
    }

    /** {@code relevant[q][g]}: query q's key equals gallery item g's key (null keys match nothing). */
    static boolean[][] relevance(List<String> queryKeys, List<String> galleryKeys) {
        boolean[][] relevant = new boolean[queryKeys.size()][galleryKeys.size()];
        for (int q = 0; q < queryKeys.size(); q++) {
            for (int g = 0; g < galleryKeys.size(); g++) {
                relevant[q][g] = queryKeys.get(q) != null && queryKeys.get(q).equals(galleryKeys.get(g));
            }
        }
        return relevant;
    }

    private static boolean anyOtherRelevant(boolean[][] selfRelevance) {
        return IntStream.range(0, selfRelevance.length).anyMatch(q -> hasRelevant(selfRelevance[q], q));
    }

    private static void write(Result result, int frames, Path outDir) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Direction d : result.directions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("direction", d.name());
            row.put("queries", d.queries());
            row.put("skipped_queries", d.skippedQueries());
            row.put("gallery", d.gallery());
            for (int i = 0; i < KS.length; i++) {
                row.put("recall_at_" + KS[i], d.recall()[i]);
            }
            row.put("mrr", d.mrr());
            row.put("recall_at_1_ci_low", d.recallAt1().low());
            row.put("recall_at_1_ci_high", d.recallAt1().high());
            row.put("ci_level", d.recallAt1().level());
            rows.add(row);
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("task", "retrieval");
        metrics.put("frames", frames);
        metrics.put("similarity", "cosine");
        metrics.put("directions", rows);
        try {
            Files.createDirectories(outDir);
            Json.mapper().writeValue(outDir.resolve("metrics.json").toFile(), metrics);
        } catch (IOException e) {
            throw new EndoLensException(outDir + ": cannot write metrics.json (" + e.getMessage() + ")", e);
        }
        section(new HtmlReport("EndoLens retrieval evaluation"), result).write(outDir.resolve("report.html"));
    }

    /** Appends the retrieval heading, table and Recall@K chart to {@code report}. */
    public static HtmlReport section(HtmlReport report, Result result) {
        List<List<?>> rows = new ArrayList<>();
        for (Direction d : result.directions()) {
            rows.add(List.of(d.name(), d.queries() + (d.skippedQueries() > 0 ? " (" + d.skippedQueries() + " skipped)" : ""),
                    d.gallery(), String.format(Locale.ROOT, "%.3f (%.0f%% CI %.3f–%.3f)", d.recall()[0],
                            100 * d.recallAt1().level(), d.recallAt1().low(), d.recallAt1().high()),
                    String.format(Locale.ROOT, "%.3f", d.recall()[1]), String.format(Locale.ROOT, "%.3f", d.recall()[2]),
                    String.format(Locale.ROOT, "%.3f", d.mrr())));
        }
        return report.heading("Retrieval (cosine similarity; the query itself is excluded from image->image)")
                .table(List.of("direction", "queries", "gallery", "R@1", "R@5", "R@10", "MRR"), rows)
                .image("Recall@K", result.chartPng());
    }
}
