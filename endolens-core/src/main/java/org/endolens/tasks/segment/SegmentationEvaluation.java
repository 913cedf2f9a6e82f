package org.endolens.tasks.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.endolens.EndoLensException;
import org.endolens.data.BadInputPolicy;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.data.image.ImageFiles;
import org.endolens.data.image.ImageSize;
import org.endolens.data.image.Mask;
import org.endolens.data.image.MaskFiles;
import org.endolens.data.loader.DataLoader;
import org.endolens.data.loader.FrameExamples;
import org.endolens.data.loader.LoaderConfig;
import org.endolens.data.transform.Interpolation;
import org.endolens.data.transform.Resize;
import org.endolens.data.transform.SampleViews;
import org.endolens.data.transform.Transform;
import org.endolens.metrics.Bootstrap;
import org.endolens.metrics.Charts;
import org.endolens.metrics.HtmlReport;
import org.endolens.metrics.MaskOverlap;
import org.endolens.metrics.MaskOverlays;
import org.endolens.metrics.SegmentationScores;
import org.endolens.nn.Resample;
import org.endolens.util.AtomicTextFile;
import org.endolens.util.Json;

/**
 * Evaluates a {@link SegmentationModel} on the masked frames of records at the masks' own resolution: each image is
 * resized to the model's size, its logits are resized back to the mask's size (bilinear) and thresholded at 0
 * (probability 0.5). Writes {@code per_image.csv}, {@code metrics.json} (mean Dice and IoU with percentile-bootstrap
 * 95% intervals over images, pooled Dice and IoU) and {@code report.html} (Dice histogram, worst and best examples
 * with the masks overlaid). Empty masks follow {@link MaskOverlap}'s convention.
 */
public final class SegmentationEvaluation {
    public static final double LEVEL = 0.95;
    /** How many worst and how many best cases the report shows. */
    public static final int EXAMPLES = 6;
    private static final int BATCH = 16;
    private static final int THUMBNAIL = 160;
    private static final int COLUMNS = 3;

    /** One image's overlap with its mask. */
    public record ImageScore(String id, String image, MaskOverlap overlap) {}

    /**
     * @param images per-image scores in record order
     * @param skippedFrames frames without a mask, not evaluated
     */
    public record Result(List<ImageScore> images, int skippedFrames, SegmentationScores scores,
            Bootstrap.Interval meanDice, Bootstrap.Interval meanIou) {}

    /** Masks shrunk for the report, kept while scoring so the full-size ones need not be. */
    private record Thumbnail(int width, int height, boolean[] truth, boolean[] predicted) {}

    private SegmentationEvaluation() {}

    /** Scores {@code model} on the masked frames of {@code exams} and writes the files to {@code outDir}. */
    public static Result run(SegmentationModel model, NDManager manager, List<ExamRecord> exams, Path folder,
            Path outDir, long seed) {
        List<ExamRecord> masked = SegmentationTraining.masked(exams);
        List<FrameRecord> frames = masked.stream().flatMap(e -> e.frames().stream()).toList();
        int skipped = exams.stream().mapToInt(e -> e.frames().size()).sum() - frames.size();
        if (frames.isEmpty()) {
            throw new EndoLensException("no frame has a mask to evaluate segmentation on");
        }
        List<ImageScore> images = new ArrayList<>(frames.size());
        List<Thumbnail> thumbnails = new ArrayList<>(frames.size());
        predict(model, manager, masked, folder, (index, logits) -> {
            FrameRecord frame = frames.get(index);
            Path imageFile = folder.resolve(frame.path());
            ImageSize size = ImageFiles.size(imageFile);
            Mask truth = MaskFiles.read(folder.resolve(frame.mask()), size.width(), size.height());
            boolean[] predicted = Resample.BILINEAR.resize(logits, size.height(), size.width()).gt(0f).toBooleanArray();
            boolean[] truthFlags = flags(truth);
            images.add(new ImageScore(frame.id(), imageFile.toString(), MaskOverlap.of(predicted, truthFlags)));
            thumbnails.add(thumbnail(size.width(), size.height(), truthFlags, predicted));
        });
        SegmentationScores scores = new SegmentationScores();
        images.forEach(i -> scores.add(i.overlap()));
        double[] dice = images.stream().mapToDouble(i -> i.overlap().dice()).toArray();
        double[] iou = images.stream().mapToDouble(i -> i.overlap().iou()).toArray();
        Result result = new Result(List.copyOf(images), skipped, scores,
                Bootstrap.interval(dice.length, idx -> mean(dice, idx), Bootstrap.DEFAULT_RESAMPLES, LEVEL, seed),
                Bootstrap.interval(iou.length, idx -> mean(iou, idx), Bootstrap.DEFAULT_RESAMPLES, LEVEL, seed));
        write(result, thumbnails, model.config(), outDir);
        return result;
    }

    /** Receives the logits {@code (1, S, S)} of frame {@code index} (in record order) on a batch's scope. */
    @FunctionalInterface
    private interface LogitsConsumer {
        void accept(int index, NDArray logits);
    }

    private static void predict(SegmentationModel model, NDManager manager, List<ExamRecord> masked, Path folder,
            LogitsConsumer consumer) {
        SegmentationConfig config = model.config();
        int size = config.imageSize();
        // The loader decodes images only; masks are read at full size when scoring.
        List<ExamRecord> imagesOnly = masked.stream().map(e -> new ExamRecord(e.patientId(), e.examId(), e.date(),
                e.frames().stream().map(f -> FrameRecord.of(f.id(), f.path())).toList(), List.of(), null, null)).toList();
        SampleViews views = SampleViews.single(Transform.compose(Resize.to(size, size, Interpolation.BILINEAR),
                config.normalize()));
        FrameExamples examples = new FrameExamples(imagesOnly, folder, views, List.of(), FrameExamples.GroupBy.EXAM);
        ParameterStore store = new ParameterStore(manager, false);
        int index = 0;
        try (DataLoader loader = new DataLoader(examples, LoaderConfig.of(BATCH, 0).withShuffle(false),
                new Problems(BadInputPolicy.FAIL)); DataLoader.Epoch batches = loader.epoch(0)) {
            while (batches.hasNext()) {
                try (NDManager scope = manager.newSubManager()) {
                    NDList batch = batches.next(scope);
                    NDArray logits = model.logits(store, batch.get(SampleViews.IMAGE), false);
                    for (int i = 0; i < logits.getShape().get(0); i++) {
                        consumer.accept(index++, logits.get(i));
                    }
                }
            }
        }
    }

    private static boolean[] flags(Mask mask) {
        boolean[] flags = new boolean[mask.width() * mask.height()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = mask.isForeground(i % mask.width(), i / mask.width());
        }
        return flags;
    }

    private static Thumbnail thumbnail(int width, int height, boolean[] truth, boolean[] predicted) {
        double scale = Math.min(1.0, (double) THUMBNAIL / Math.max(width, height));
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        boolean[] t = new boolean[w * h];
        boolean[] p = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            int sy = Math.min(height - 1, (int) ((y + 0.5) * height / h));
            for (int x = 0; x < w; x++) {
                int sx = Math.min(width - 1, (int) ((x + 0.5) * width / w));
                t[y * w + x] = truth[sy * width + sx];
                p[y * w + x] = predicted[sy * width + sx];
            }
        }
        return new Thumbnail(w, h, t, p);
    }

    private static double mean(double[] values, int[] indices) {
        double sum = 0;
        for (int i : indices) {
            sum += values[i];
        }
        return sum / indices.length;
    }

    private static void write(Result result, List<Thumbnail> thumbnails, SegmentationConfig config, Path outDir) {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new EndoLensException(outDir + ": cannot create the output directory (" + e.getMessage() + ")", e);
        }
        AtomicTextFile.write(outDir.resolve("per_image.csv"), "per-image scores", out -> {
            out.write("id,image,dice,iou,true_positive,false_positive,false_negative\n");
            for (ImageScore s : result.images()) {
                MaskOverlap o = s.overlap();
                out.write(String.format(Locale.ROOT, "%s,%s,%.6f,%.6f,%d,%d,%d%n", csv(s.id()), csv(s.image()), o.dice(),
                        o.iou(), o.truePositive(), o.falsePositive(), o.falseNegative()));
            }
        });
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("task", "binary segmentation");
        metrics.put("images", result.images().size());
        metrics.put("skipped_frames_without_mask", result.skippedFrames());
        putInterval(metrics, "mean_dice", result.meanDice());
        putInterval(metrics, "mean_iou", result.meanIou());
        metrics.put("pooled_dice", result.scores().pooledDice());
        metrics.put("pooled_iou", result.scores().pooledIou());
        metrics.put("ci_level", LEVEL);
        metrics.put("model_image_size", config.imageSize());
        metrics.put("scored_at", "mask resolution; logits resized bilinearly, foreground where logit > 0");
        try {
            Json.mapper().writeValue(outDir.resolve("metrics.json").toFile(), metrics);
        } catch (IOException e) {
            throw new EndoLensException(outDir + ": cannot write metrics.json (" + e.getMessage() + ")", e);
        }
        report(result, thumbnails).write(outDir.resolve("report.html"));
    }

    private static void putInterval(Map<String, Object> metrics, String name, Bootstrap.Interval interval) {
        metrics.put(name, interval.estimate());
        metrics.put(name + "_ci_low", interval.low());
        metrics.put(name + "_ci_high", interval.high());
    }

    private static HtmlReport report(Result result, List<Thumbnail> thumbnails) {
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("images", result.images().size() + (result.skippedFrames() > 0
                ? " (" + result.skippedFrames() + " frames without a mask skipped)" : ""));
        rows.put("mean Dice", describe(result.meanDice()));
        rows.put("mean IoU", describe(result.meanIou()));
        rows.put("pooled Dice / IoU", String.format(Locale.ROOT, "%.3f / %.3f", result.scores().pooledDice(),
                result.scores().pooledIou()));
        double[] dice = result.images().stream().mapToDouble(i -> i.overlap().dice()).toArray();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < dice.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> dice[i]).thenComparingInt(i -> i));
        int shown = Math.min(EXAMPLES, order.size());
        List<Integer> worst = order.subList(0, shown);
        List<Integer> best = new ArrayList<>(order.subList(order.size() - shown, order.size()));
        java.util.Collections.reverse(best);
        return new HtmlReport("EndoLens segmentation evaluation")
                .heading("Segmentation (Dice and IoU at mask resolution)").keyValues(rows)
                .image("per-image Dice", Charts.histogram("Per-image Dice", "Dice", dice, 0, 1, 20))
                .paragraph(MaskOverlays.legend())
                .image("worst " + shown + " images by Dice", MaskOverlays.grid(tiles(result, thumbnails, worst), COLUMNS))
                .image("best " + shown + " images by Dice", MaskOverlays.grid(tiles(result, thumbnails, best), COLUMNS));
    }

    private static List<MaskOverlays.Tile> tiles(Result result, List<Thumbnail> thumbnails, List<Integer> indices) {
        List<MaskOverlays.Tile> tiles = new ArrayList<>();
        for (int i : indices) {
            ImageScore score = result.images().get(i);
            Thumbnail t = thumbnails.get(i);
            tiles.add(new MaskOverlays.Tile(scaled(ImageFiles.read(Path.of(score.image())), t.width(), t.height()),
                    t.truth(), t.predicted(), String.format(Locale.ROOT, "Dice %.2f  %s", score.overlap().dice(),
                            shorten(score.id()))));
        }
        return tiles;
    }

    private static BufferedImage scaled(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static String shorten(String id) {
        return id.length() <= 10 ? id : id.substring(0, 9) + "…";
    }

    private static String describe(Bootstrap.Interval interval) {
        return String.format(Locale.ROOT, "%.3f (%.0f%% CI %.3f–%.3f)", interval.estimate(), 100 * interval.level(),
                interval.low(), interval.high());
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
