package org.endolens.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.endolens.data.ExamRecord;
import org.endolens.data.Problems;
import org.endolens.data.readers.Dataset;
import org.endolens.data.readers.Validation;
import org.endolens.model.ModelConfig;
import org.endolens.model.ModelKind;
import org.endolens.model.Presets;
import org.endolens.nn.CenterNetHeadConfig;
import org.endolens.nn.NamedBlock;
import org.endolens.nn.VisionConfig;
import org.endolens.tasks.EncoderTransfer;
import org.endolens.tasks.detect.DetectionConfig;
import org.endolens.tasks.detect.DetectionModel;
import org.endolens.tasks.detect.DetectionRun;
import org.endolens.tasks.detect.DetectionTraining;
import org.endolens.tasks.segment.SegmentationConfig;
import org.endolens.tasks.segment.SegmentationModel;
import org.endolens.tasks.segment.SegmentationRun;
import org.endolens.train.StepRecord;
import org.endolens.train.TrainerConfig;
import org.endolens.weights.LoadedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code endolens train detect}: a CenterNet head on a ViT encoder (a preset from scratch, the image tower of a
 * checkpoint, or the encoder of a segmentation or detection run), fine-tuned end to end or with the encoder frozen, on
 * the boxes of a data set (from its box annotations, or from its masks' connected components).
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Train a CenterNet detection head (focal heatmap loss, size and offset L1) on a ViT encoder.",
            "--checkpoint is a preset (trained from scratch), a ViT/CLIP checkpoint (its image tower is the encoder),",
            "or the --out directory of 'train segment' or 'train detect' (its encoder);",
            "--image-size sets the square training size (a multiple of the patch size)."})
final class TrainDetectCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true,
            description = "Encoder: a preset name (random init), a checkpoint directory or file, or a segmentation/detection run.")
    String encoder;

    @Option(names = "--levels", defaultValue = "4",
            description = "Encoder blocks the head fuses, evenly spaced (default: ${DEFAULT-VALUE}).")
    int levels;

    @Option(names = "--head-channels", defaultValue = "64", description = "Head width (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--stride", defaultValue = "4",
            description = "Output stride of the heatmap, a power of two dividing the patch size (default: ${DEFAULT-VALUE}).")
    int stride;

    @Option(names = "--out", defaultValue = "runs/detect", description = "Run directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    HeadTrainingOptions training;

    @Mixin
    DatasetOptions data;

    @Mixin
    CheckpointOptions checkpointOptions;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        Device device = engine.start();
        Problems problems = data.problems();
        Dataset dataset = data.read(data.validation(Validation.FILES), problems);
        List<ExamRecord> exams = RecordSplits.select(dataset.exams(), training.split);
        TrainerConfig trainer = training.trainerConfig();
        Engine.getInstance().setRandomSeed((int) training.seed);
        List<StepRecord> metrics;
        try (NDManager manager = NDManager.newBaseManager(device);
                TrainingProgress progress = new TrainingProgress("detect", training.steps)) {
            DetectionModel model = build(manager, DetectionTraining.classes(exams));
            if (training.freezeEncoder) {
                model.freezeEncoder();
            }
            metrics = DetectionTraining.run(model, manager, exams, dataset.root().toAbsolutePath(), trainer,
                    training.batchSize, out, training.resume, command(), progress);
        }
        if (!metrics.isEmpty()) {
            StepRecord last = metrics.get(metrics.size() - 1);
            System.out.printf(Locale.ROOT, "final loss %.4f after %d steps%n", last.loss(), last.step());
        }
        System.out.println(problems.summary());
        System.out.println("run: " + out.toAbsolutePath() + " (evaluate with: endolens eval detect --checkpoint " + out + ")");
        return 0;
    }

    /** The encoder's source config and, unless it is a preset, its pre-trained model. */
    private record Source(ModelConfig config, NamedBlock pretrained, String normalization, String description) {}

    private Source source(NDManager manager) {
        Path path = Path.of(encoder);
        String where = path.toAbsolutePath().toString();
        if (SegmentationRun.isRun(path)) {
            SegmentationModel run = SegmentationRun.load(path, manager);
            return new Source(run.config().encoder(), run.encoder(), run.config().normalization(),
                    "encoder of segmentation run " + where);
        }
        if (DetectionRun.isRun(path)) {
            DetectionModel run = DetectionRun.load(path, manager);
            return new Source(run.config().encoder(), run.encoder(), run.config().normalization(),
                    "encoder of detection run " + where);
        }
        if (Files.exists(path)) {
            LoadedModel loaded = checkpointOptions.load(path, manager, System.out);
            return new Source(loaded.config(), loaded.model(), loaded.config().kind() == ModelKind.CLIP
                    ? SegmentationConfig.CLIP : SegmentationConfig.IMAGENET, where);
        }
        return new Source(Presets.load(encoder), null, SegmentationConfig.IMAGENET,
                "preset " + encoder + " (random initialisation)");
    }

    /** The model with its encoder from a preset (random), a checkpoint's image tower or a run's encoder. */
    private DetectionModel build(NDManager manager, List<String> classes) {
        Source source = source(manager);
        if (source.config().kind() == ModelKind.VIDEO) {
            throw new IllegalArgumentException(encoder + " is a video model; detection needs an image encoder");
        }
        int size = checkpointOptions.imageSize != null ? checkpointOptions.imageSize : source.config().vision().imageSize();
        VisionConfig vision = source.config().vision().backbone(size);
        DetectionConfig config = new DetectionConfig(new ModelConfig(source.config().name(), ModelKind.VIT, vision, null, null),
                CenterNetHeadConfig.evenlySpaced(vision.depth(), levels, channels, stride, classes.size()), classes,
                source.normalization(), source.description());
        DetectionModel model = new DetectionModel(config);
        model.initialize(manager);
        if (source.pretrained() != null) {
            EncoderTransfer.copyImageTower(model, source.pretrained(), encoder);
        }
        return model;
    }

    private List<String> command() {
        List<String> command = new ArrayList<>(List.of("endolens", "train", "detect", "--checkpoint", encoder,
                "--format", data.format.formatName(), "--root", data.root.toString(), "--levels", Integer.toString(levels),
                "--head-channels", Integer.toString(channels), "--stride", Integer.toString(stride)));
        command.addAll(training.arguments());
        if (checkpointOptions.imageSize != null) {
            command.addAll(List.of("--image-size", checkpointOptions.imageSize.toString()));
        }
        return command;
    }
}
