package org.endolens.tasks.detect;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.endolens.EndoLensException;
import org.endolens.data.BadInputPolicy;
import org.endolens.data.Box;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.data.loader.DataLoader;
import org.endolens.data.loader.FrameExamples;
import org.endolens.data.loader.LoaderConfig;
import org.endolens.data.transform.FloatTensor;
import org.endolens.data.transform.RandomFlip;
import org.endolens.data.transform.RandomRotate90;
import org.endolens.data.transform.Sample;
import org.endolens.data.transform.SampleViews;
import org.endolens.data.transform.Transform;
import org.endolens.pretrain.FrameCleansing;
import org.endolens.pretrain.LoaderSteps;
import org.endolens.tasks.segment.ResizedFrameCache;
import org.endolens.train.StepRecord;
import org.endolens.train.Trainer;
import org.endolens.train.TrainerConfig;

/**
 * Trains a {@link DetectionModel} on the annotated frames of records (frames with boxes, or with a mask: a mask
 * without components is a frame without objects): each frame resized to the model's square size once
 * ({@link ResizedFrameCache}; boxes move with it), then every epoch flipped both ways and turned by quarter turns
 * (boxes follow every transform), normalised, and encoded as {@link CenterNetTargets}; {@link
 * org.endolens.train.CenterNetLoss}; the shared {@link Trainer}. The model's {@code detection.json} is written beside
 * the trainer's files.
 */
public final class DetectionTraining {
    /** The class name of unlabelled boxes when a data set labels none. */
    public static final String DEFAULT_CLASS = "object";

    private DetectionTraining() {}

    /** The frames of {@code exams} that say where their objects are (boxes or a mask). */
    public static List<ExamRecord> annotated(List<ExamRecord> exams) {
        return FrameCleansing.keepFrames(exams, f -> !f.boxes().isEmpty() || f.mask() != null);
    }

    /** The distinct box labels of {@code exams} in sorted order, or {@value #DEFAULT_CLASS} when no box has one. */
    public static List<String> classes(List<ExamRecord> exams) {
        TreeSet<String> labels = new TreeSet<>();
        exams.forEach(e -> e.frames().forEach(f -> f.boxes().stream().map(Box::label).filter(Objects::nonNull)
                .forEach(labels::add)));
        return labels.isEmpty() ? List.of(DEFAULT_CLASS) : List.copyOf(labels);
    }

    /** The random augmentation applied every epoch after the (cached) resize to the model's size. */
    public static Transform augmentation(DetectionConfig config) {
        return Transform.compose(RandomFlip.horizontal(), RandomFlip.vertical(), new RandomRotate90(), config.normalize());
    }

    /** A sample through {@code transform}, as its image tensor followed by its {@link CenterNetTargets}. */
    static SampleViews views(DetectionConfig config, Transform transform) {
        return (sample, random) -> {
            Sample view = transform.apply(sample, random);
            int[] classOfBox = view.boxes().stream().mapToInt(b -> config.classOf(b, sample.id())).toArray();
            List<FloatTensor> tensors = new ArrayList<>(5);
            tensors.add(view.image().toTensor(SampleViews.IMAGE));
            tensors.addAll(CenterNetTargets.encode(view.boxes(), classOfBox, config.head().classes(), view.width(),
                    view.height(), config.head().stride()).tensors());
            return tensors;
        };
    }

    /** The frames keyed by image path (what {@link ResizedFrameCache} caches by), with their boxes and no mask. */
    private static FrameExamples cachedExamples(List<ExamRecord> frames, Path folder, DetectionConfig config) {
        List<ExamRecord> byPath = new ArrayList<>();
        for (ExamRecord exam : frames) {
            List<FrameRecord> images = new ArrayList<>();
            for (FrameRecord frame : exam.frames()) {
                String id = folder.resolve(frame.path()).toAbsolutePath().normalize().toString();
                images.add(new FrameRecord(id, frame.path(), null, null, null, frame.boxes(), null));
            }
            byPath.add(new ExamRecord(exam.patientId(), exam.examId(), exam.date(), images, List.of(), null, null));
        }
        SampleViews views = ResizedFrameCache.withoutMasks(config.imageSize(), views(config, augmentation(config)));
        return new FrameExamples(byPath, folder, views, List.of(), FrameExamples.GroupBy.EXAM);
    }

    /**
     * Trains {@code model} (parameters on {@code manager}; freeze its encoder first for a frozen-encoder run) on the
     * annotated frames of {@code exams} with batches of {@code batchSize}; returns the metrics of the steps run.
     */
    public static List<StepRecord> run(DetectionModel model, NDManager manager, List<ExamRecord> exams, Path folder,
            TrainerConfig trainer, int batchSize, Path runDir, boolean resume, List<String> command,
            Trainer.Listener listener) {
        List<ExamRecord> frames = annotated(exams);
        if (frames.isEmpty()) {
            throw new EndoLensException("no frame has boxes or a mask; detection training needs them (kvasir-seg,"
                    + " clinicdb, segfolder, polypgen, or records whose frames have \"boxes\")");
        }
        if (resume && DetectionRun.isRun(runDir) && !DetectionRun.readConfig(runDir).equals(model.config())) {
            throw new EndoLensException(runDir.resolve(DetectionRun.CONFIG) + ": the run was started with another"
                    + " model; resume with the same encoder, --image-size and head options, or use a new --out");
        }
        DetectionRun.writeConfig(runDir, model.config());
        FrameExamples examples = cachedExamples(frames, folder, model.config());
        LoaderConfig loader = LoaderConfig.of(batchSize, trainer.seed()).withDropLast(examples.size() > batchSize);
        LoaderSteps batches = new LoaderSteps(new DataLoader(examples, loader, new Problems(BadInputPolicy.FAIL)));
        try (DetectionObjective objective = new DetectionObjective(model, batches)) {
            return new Trainer(trainer).fit(model, model.config().encoder(), manager, objective, runDir, resume, command,
                    listener);
        }
    }
}
