package org.endolens.tasks.segment;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.endolens.EndoLensException;
import org.endolens.data.BadInputPolicy;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.data.loader.DataLoader;
import org.endolens.data.loader.FrameExamples;
import org.endolens.data.loader.LoaderConfig;
import org.endolens.data.transform.RandomFlip;
import org.endolens.data.transform.RandomRotate90;
import org.endolens.data.transform.SampleViews;
import org.endolens.data.transform.Transform;
import org.endolens.pretrain.FrameCleansing;
import org.endolens.pretrain.LoaderSteps;
import org.endolens.train.StepRecord;
import org.endolens.train.Trainer;
import org.endolens.train.TrainerConfig;

/**
 * Trains a {@link SegmentationModel} on the frames of records that have a mask: each frame resized to the model's
 * square size once (bilinear; masks nearest; {@link ResizedFrameCache}), then every epoch randomly flipped both ways
 * and turned by quarter turns (the endoscope has no preferred up), normalised; Dice + BCE; the shared
 * {@link Trainer} (AdamW, cosine schedule, checkpoints, exact resume). The model's {@code segmentation.json} is
 * written beside the trainer's files.
 */
public final class SegmentationTraining {
    private SegmentationTraining() {}

    /** The frames of {@code exams} that have a mask (exams left without frames are dropped). */
    public static List<ExamRecord> masked(List<ExamRecord> exams) {
        return FrameCleansing.keepFrames(exams, f -> f.mask() != null);
    }

    /** The random augmentation applied every epoch after the (cached) resize to the model's size. */
    public static Transform augmentation(SegmentationConfig config) {
        return Transform.compose(RandomFlip.horizontal(), RandomFlip.vertical(), new RandomRotate90(), config.normalize());
    }

    /**
     * The frames loaded under their image path as id and without a mask, so that {@link ResizedFrameCache} reads
     * each mask once, with the map from those ids to the mask files.
     */
    private static FrameExamples cachedExamples(List<ExamRecord> frames, Path folder, SegmentationConfig config) {
        Map<String, Path> maskOfImage = new HashMap<>();
        List<ExamRecord> byPath = new ArrayList<>();
        for (ExamRecord exam : frames) {
            List<FrameRecord> images = new ArrayList<>();
            for (FrameRecord frame : exam.frames()) {
                String id = folder.resolve(frame.path()).toAbsolutePath().normalize().toString();
                maskOfImage.put(id, folder.resolve(frame.mask()));
                images.add(FrameRecord.of(id, frame.path()));
            }
            byPath.add(new ExamRecord(exam.patientId(), exam.examId(), exam.date(), images, List.of(), null, null));
        }
        SampleViews views = new ResizedFrameCache(maskOfImage, config.imageSize(), augmentation(config));
        return new FrameExamples(byPath, folder, views, List.of(), FrameExamples.GroupBy.EXAM);
    }

    /**
     * Trains {@code model} (parameters on {@code manager}; freeze its encoder first for a frozen-encoder run) on the
     * masked frames of {@code exams} with batches of {@code batchSize}; returns the metrics of the steps run.
     */
    public static List<StepRecord> run(SegmentationModel model, NDManager manager, List<ExamRecord> exams, Path folder,
            TrainerConfig trainer, int batchSize, Path runDir, boolean resume, List<String> command,
            Trainer.Listener listener) {
        List<ExamRecord> frames = masked(exams);
        if (frames.isEmpty()) {
            throw new EndoLensException("no frame has a mask; segmentation training needs masks (kvasir-seg, clinicdb,"
                    + " segfolder, or records whose frames have \"mask\")");
        }
        if (resume && SegmentationRun.isRun(runDir) && !SegmentationRun.readConfig(runDir).equals(model.config())) {
            throw new EndoLensException(runDir.resolve(SegmentationRun.CONFIG) + ": the run was started with another"
                    + " model; resume with the same encoder, --image-size and decoder options, or use a new --out");
        }
        SegmentationRun.writeConfig(runDir, model.config());
        FrameExamples examples = cachedExamples(frames, folder, model.config());
        LoaderConfig loader = LoaderConfig.of(batchSize, trainer.seed()).withDropLast(examples.size() > batchSize);
        LoaderSteps batches = new LoaderSteps(new DataLoader(examples, loader, new Problems(BadInputPolicy.FAIL)));
        try (SegmentationObjective objective = new SegmentationObjective(model, batches)) {
            return new Trainer(trainer).fit(model, model.config().encoder(), manager, objective, runDir, resume, command,
                    listener);
        }
    }
}
