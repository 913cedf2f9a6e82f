package org.endolens.tasks.detect;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.endolens.EndoLensException;
import org.endolens.data.BadInputPolicy;
import org.endolens.data.Box;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.data.image.ImageFiles;
import org.endolens.data.image.ImageSize;
import org.endolens.data.loader.DataLoader;
import org.endolens.data.loader.FrameExamples;
import org.endolens.data.loader.LoaderConfig;
import org.endolens.data.transform.Interpolation;
import org.endolens.data.transform.Resize;
import org.endolens.data.transform.SampleViews;
import org.endolens.data.transform.Transform;
import org.endolens.metrics.BinaryScores;
import org.endolens.metrics.Bootstrap;
import org.endolens.metrics.BoxOverlays;
import org.endolens.metrics.Charts;
import org.endolens.metrics.Detection;
import org.endolens.metrics.DetectionScores;
import org.endolens.metrics.DetectionScores.PrecisionRecall;
import org.endolens.metrics.HtmlReport;
import org.endolens.util.AtomicTextFile;
import org.endolens.util.Json;

/**
 * Evaluates a {@link DetectionModel} on the annotated frames of records in each image's own pixels: the image is
 * resized to the model's square size, {@link CenterNetDecoder} finds up to 100 boxes, and they are scaled back to the
 * image. Precision, recall and F1 at IoU 0.5 are taken at a fixed score threshold (the headline, with a percentile
 * bootstrap 95% interval over images) and, for reference, at the threshold that maximises F1 on this very set
 * (optimistic: chosen on the test data); COCO's AP at IoU 0.5 and 0.75 and mAP@[.5:.95] use every box. Writes
 * {@code metrics.json}, {@code per_image.csv}, {@code detections.csv} and {@code report.html} (PR curve, worst and best
 * examples with true and predicted boxes).
 */
public final class DetectionEvaluation {
    public static final double LEVEL = 0.95;
    public static final double MATCH_IOU = 0.5;
    /** CenterNet's visualisation threshold, the default operating point. */
    public static final double DEFAULT_SCORE_THRESHOLD = 0.3;
    public static final int EXAMPLES = 6;
    private static final int BATCH = 16;
    private static final int THUMBNAIL = 200;
    private static final int COLUMNS = 3;

    /** One image: its true boxes, every decoded detection, and its counts at the fixed threshold and IoU 0.5. */
    public record ImageResult(String id, String image, List<Box> truth, List<Detection> detections,
            PrecisionRecall counts) {}

    /**
     * @param scoreThreshold the fixed operating point
     * @param atThreshold precision, recall and F1 at it (IoU 0.5), {@code f1} with its bootstrap interval
     * @param bestF1 the best F1 over score thresholds on this set and {@code bestThreshold}, where it is reached
     */
    public record Result(List<ImageResult> images, int skippedFrames, double scoreThreshold, PrecisionRecall atThreshold,
            Bootstrap.Interval f1, PrecisionRecall bestF1, double bestThreshold, double ap50, double ap75, double map,
            List<BinaryScores.Point> curve) {}

    private DetectionEvaluation() {}

    /** Scores {@code model} on the annotated frames of {@code exams} and writes the files to {@code outDir}. */
    public static Result run(DetectionModel model, NDManager manager, List<ExamRecord> exams, Path folder, Path outDir,
            double scoreThreshold, long seed) {
        if (!(scoreThreshold >= 0 && scoreThreshold <= 1)) {
            throw new IllegalArgumentException("the score threshold must be in [0, 1], got " + scoreThreshold);
        }
        List<ExamRecord> annotated = DetectionTraining.annotated(exams);
        List<FrameRecord> frames = annotated.stream().flatMap(e -> e.frames().stream()).toList();
        int skipped = exams.stream().mapToInt(e -> e.frames().size()).sum() - frames.size();
        if (frames.isEmpty()) {
            throw new EndoLensException("no frame has boxes or a mask to evaluate detection on");
        }
        List<List<Detection>> predicted = predict(model, manager, annotated, folder);
        DetectionScores all = new DetectionScores();
        List<ImageResult> images = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            FrameRecord frame = frames.get(i);
            all.add(frame.boxes(), predicted.get(i));
            DetectionScores one = new DetectionScores();
            one.add(frame.boxes(), predicted.get(i));
            images.add(new ImageResult(frame.id(), folder.resolve(frame.path()).toString(), frame.boxes(), predicted.get(i),
                    one.atThreshold(MATCH_IOU, scoreThreshold)));
        }
        List<BinaryScores.Point> curve = all.precisionRecallCurve(MATCH_IOU);
        double bestThreshold = curve.stream().max(Comparator.comparingDouble(DetectionEvaluation::f1))
                .map(BinaryScores.Point::threshold).orElse(1.0);
        Bootstrap.Interval f1 = Bootstrap.interval(images.size(), idx -> pooledF1(images, idx), Bootstrap.DEFAULT_RESAMPLES,
                LEVEL, seed);
        Result result = new Result(List.copyOf(images), skipped, scoreThreshold, all.atThreshold(MATCH_IOU, scoreThreshold),
                f1, all.atThreshold(MATCH_IOU, bestThreshold), bestThreshold, all.averagePrecision(0.5),
                all.averagePrecision(0.75), all.meanAveragePrecision(), curve);
        write(result, model.config(), outDir);
        return result;
    }

    private static double f1(BinaryScores.Point p) {
        return p.x() + p.y() == 0 ? 0 : 2 * p.x() * p.y() / (p.x() + p.y());
    }

    /** F1 of the summed counts of the resampled images. */
    private static double pooledF1(List<ImageResult> images, int[] indices) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i : indices) {
            PrecisionRecall c = images.get(i).counts();
            tp += c.truePositive();
            fp += c.falsePositive();
            fn += c.falseNegative();
        }
        return 2.0 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /** Detections of every frame, in record order, in the frame's own pixel coordinates. */
    static List<List<Detection>> predict(DetectionModel model, NDManager manager, List<ExamRecord> annotated, Path folder) {
        DetectionConfig config = model.config();
        int size = config.imageSize();
        List<ExamRecord> imagesOnly = annotated.stream().map(e -> new ExamRecord(e.patientId(), e.examId(), e.date(),
                e.frames().stream().map(f -> FrameRecord.of(f.id(), f.path())).toList(), List.of(), null, null)).toList();
        List<Path> files = annotated.stream().flatMap(e -> e.frames().stream()).map(f -> folder.resolve(f.path())).toList();
        SampleViews views = SampleViews.single(Transform.compose(Resize.to(size, size, Interpolation.BILINEAR),
                config.normalize()));
        FrameExamples examples = new FrameExamples(imagesOnly, folder, views, List.of(), FrameExamples.GroupBy.EXAM);
        CenterNetDecoder decoder = CenterNetDecoder.of(config);
        ParameterStore store = new ParameterStore(manager, false);
        List<List<Detection>> out = new ArrayList<>(files.size());
        try (DataLoader loader = new DataLoader(examples, LoaderConfig.of(BATCH, 0).withShuffle(false),
                new Problems(BadInputPolicy.FAIL)); DataLoader.Epoch batches = loader.epoch(0)) {
            while (batches.hasNext()) {
                try (NDManager scope = manager.newSubManager()) {
                    NDList batch = batches.next(scope);
                    for (List<Detection> detections : decoder.decode(model.maps(store, batch.get(SampleViews.IMAGE), false))) {
                        ImageSize original = ImageFiles.size(files.get(out.size()));
                        out.add(scaled(detections, (double) original.width() / size, (double) original.height() / size));
                    }
                }
            }
        }
        return out;
    }

    private static List<Detection> scaled(List<Detection> detections, double sx, double sy) {
        return detections.stream().map(d -> new Detection(new Box(d.box().xmin() * sx, d.box().ymin() * sy,
                d.box().xmax() * sx, d.box().ymax() * sy, d.box().label()), d.score())).toList();
    }

    private static void write(Result result, DetectionConfig config, Path outDir) {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new EndoLensException(outDir + ": cannot create the output directory (" + e.getMessage() + ")", e);
        }
        AtomicTextFile.write(outDir.resolve("per_image.csv"), "per-image counts", out -> {
            out.write("id,image,true_boxes,predicted_boxes,true_positive,false_positive,false_negative\n");
            for (ImageResult r : result.images()) {
                PrecisionRecall c = r.counts();
                out.write(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%d%n", csv(r.id()), csv(r.image()), r.truth().size(),
                        c.truePositive() + c.falsePositive(), c.truePositive(), c.falsePositive(), c.falseNegative()));
            }
        });
        AtomicTextFile.write(outDir.resolve("detections.csv"), "detections", out -> {
            out.write("id,label,score,xmin,ymin,xmax,ymax\n");
            for (ImageResult r : result.images()) {
                for (Detection d : r.detections()) {
                    Box b = d.box();
                    out.write(String.format(Locale.ROOT, "%s,%s,%.5f,%.1f,%.1f,%.1f,%.1f%n", csv(r.id()), csv(b.label()),
                            d.score(), b.xmin(), b.ymin(), b.xmax(), b.ymax()));
                }
            }
        });
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("task", "object detection (CenterNet)");
        metrics.put("classes", config.classes());
        metrics.put("images", result.images().size());
        metrics.put("true_boxes", result.images().stream().mapToInt(r -> r.truth().size()).sum());
        metrics.put("skipped_frames_without_annotation", result.skippedFrames());
        metrics.put("match_iou", MATCH_IOU);
        metrics.put("score_threshold", result.scoreThreshold());
        putCounts(metrics, "", result.atThreshold());
        metrics.put("f1_ci_low", result.f1().low());
        metrics.put("f1_ci_high", result.f1().high());
        metrics.put("ci_level", LEVEL);
        metrics.put("best_f1_threshold", result.bestThreshold());
        putCounts(metrics, "best_f1_", result.bestF1());
        metrics.put("ap50", result.ap50());
        metrics.put("ap75", result.ap75());
        metrics.put("map_50_95", result.map());
        metrics.put("model_image_size", config.imageSize());
        metrics.put("decoding", "3x3 max-pool peaks, top " + CenterNetDecoder.DEFAULT_TOP_K + ", NMS IoU "
                + CenterNetDecoder.DEFAULT_NMS_IOU + "; boxes scaled back to each image's pixels");
        try {
            Json.mapper().writeValue(outDir.resolve("metrics.json").toFile(), metrics);
        } catch (IOException e) {
            throw new EndoLensException(outDir.resolve("metrics.json") + ": cannot write (" + e.getMessage() + ")", e);
        }
        report(result, metrics).write(outDir.resolve("report.html"));
    }

    private static void putCounts(Map<String, Object> metrics, String prefix, PrecisionRecall c) {
        metrics.put(prefix + "precision", c.precision());
        metrics.put(prefix + "recall", c.recall());
        metrics.put(prefix + "f1", c.f1());
        metrics.put(prefix + "true_positive", c.truePositive());
        metrics.put(prefix + "false_positive", c.falsePositive());
        metrics.put(prefix + "false_negative", c.falseNegative());
    }

    private static HtmlReport report(Result result, Map<String, Object> metrics) {
        Map<String, Object> rows = new LinkedHashMap<>();
        PrecisionRecall at = result.atThreshold();
        rows.put("images", result.images().size());
        rows.put("true boxes", metrics.get("true_boxes"));
        rows.put(String.format(Locale.ROOT, "F1 at score >= %.2f, IoU 0.5", result.scoreThreshold()),
                String.format(Locale.ROOT, "%.3f (%.0f%% CI %.3f–%.3f)", at.f1(), 100 * LEVEL, result.f1().low(),
                        result.f1().high()));
        rows.put("precision / recall", String.format(Locale.ROOT, "%.3f / %.3f (TP %d, FP %d, FN %d)", at.precision(),
                at.recall(), at.truePositive(), at.falsePositive(), at.falseNegative()));
        rows.put("best F1 on this set (threshold chosen on it)", String.format(Locale.ROOT, "%.3f at score >= %.3f",
                result.bestF1().f1(), result.bestThreshold()));
        rows.put("AP@0.5 / AP@0.75", String.format(Locale.ROOT, "%.3f / %.3f", result.ap50(), result.ap75()));
        rows.put("COCO mAP@[.5:.95]", String.format(Locale.ROOT, "%.3f", result.map()));
        rows.put("skipped frames without boxes or mask", result.skippedFrames());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < result.images().size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> result.images().get(i).counts().f1())
                .thenComparing(i -> result.images().get(i).id()));
        int shown = Math.min(EXAMPLES, order.size());
        List<Integer> worst = order.subList(0, shown);
        List<Integer> best = new ArrayList<>(order.subList(order.size() - shown, order.size()));
        Collections.reverse(best);
        HtmlReport report = new HtmlReport("EndoLens detection evaluation")
                .heading("Detection (boxes matched at IoU 0.5)").keyValues(rows);
        if (!result.curve().isEmpty()) {
            report.image("precision-recall at IoU 0.5 (one point per score threshold)",
                    Charts.precisionRecall(Map.of("IoU 0.5", result.curve())));
        }
        return report.paragraph(BoxOverlays.legend() + String.format(Locale.ROOT, " (score >= %.2f)", result.scoreThreshold()))
                .image("worst " + shown + " images by F1", BoxOverlays.grid(tiles(result, worst), COLUMNS, THUMBNAIL))
                .image("best " + shown + " images by F1", BoxOverlays.grid(tiles(result, best), COLUMNS, THUMBNAIL));
    }

    private static List<BoxOverlays.Tile> tiles(Result result, List<Integer> indices) {
        List<BoxOverlays.Tile> tiles = new ArrayList<>();
        for (int i : indices) {
            ImageResult r = result.images().get(i);
            List<Detection> shown = r.detections().stream().filter(d -> d.score() >= result.scoreThreshold()).toList();
            tiles.add(new BoxOverlays.Tile(ImageFiles.read(Path.of(r.image())), r.truth(), shown,
                    String.format(Locale.ROOT, "%s  F1 %.2f", shorten(r.id()), r.counts().f1())));
        }
        return tiles;
    }

    private static String shorten(String id) {
        return id.length() <= 14 ? id : id.substring(0, 13) + "…";
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
