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
import org.endolens.data.Problems;
import org.endolens.data.readers.Dataset;
import org.endolens.data.readers.Validation;
import org.endolens.model.ModelConfig;
import org.endolens.model.ModelKind;
import org.endolens.model.Presets;
import org.endolens.nn.NamedBlock;
import org.endolens.nn.SegmentationDecoderConfig;
import org.endolens.nn.VisionConfig;
import org.endolens.tasks.segment.SegmentationConfig;
import org.endolens.tasks.segment.SegmentationModel;
import org.endolens.tasks.segment.SegmentationRun;
import org.endolens.tasks.segment.SegmentationTraining;
import org.endolens.train.StepRecord;
import org.endolens.train.TrainerConfig;
import org.endolens.weights.LoadedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code endolens train segment}: a segmentation decoder on a ViT encoder (a preset from scratch, or the image tower
 * of a checkpoint), fine-tuned end to end or with the encoder frozen, on the masked frames of a data set.
 */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = {"Train a SETR/UNETR-style segmentation decoder (Dice + BCE) on a ViT encoder.",
            "--checkpoint is a preset (trained from scratch) or a ViT/CLIP checkpoint (its image tower is the encoder);",
            "--image-size sets the square training size (a multiple of the patch size)."})
final class TrainSegmentCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true,
            description = "Encoder: a preset name or model config .json (random init), an EndoLens checkpoint directory"
                    + " or a ViT/CLIP file.")
    String encoder;

    @Option(names = "--levels", defaultValue = "4",
            description = "Encoder blocks the decoder reads, evenly spaced (default: ${DEFAULT-VALUE}).")
    int levels;

    @Option(names = "--decoder-channels", defaultValue = "64", description = "Decoder width (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--out", defaultValue = "runs/segment", description = "Run directory (default: ${DEFAULT-VALUE}).")
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
        var exams = RecordSplits.select(dataset.exams(), training.split);
        TrainerConfig trainer = training.trainerConfig();
        Engine.getInstance().setRandomSeed((int) training.seed);
        List<StepRecord> metrics;
        try (NDManager manager = NDManager.newBaseManager(device);
                TrainingProgress progress = new TrainingProgress("segment", training.steps)) {
            SegmentationModel model = build(manager);
            if (training.freezeEncoder) {
                model.freezeEncoder();
            }
            metrics = SegmentationTraining.run(model, manager, exams, dataset.root().toAbsolutePath(), trainer,
                    training.batchSize, out, training.resume, command(), progress);
        }
        if (!metrics.isEmpty()) {
            StepRecord last = metrics.get(metrics.size() - 1);
            System.out.printf(Locale.ROOT, "final loss %.4f after %d steps%n", last.loss(), last.step());
        }
        System.out.println(problems.summary());
        System.out.println("run: " + out.toAbsolutePath() + " (evaluate with: endolens eval segment --checkpoint " + out + ")");
        return 0;
    }

    /** The model with its encoder from a preset (random) or from a checkpoint's image tower. */
    private SegmentationModel build(NDManager manager) {
        Path path = Path.of(encoder);
        boolean modelConfigFile = encoder.endsWith(".json") && Files.isRegularFile(path);
        LoadedModel loaded = Files.exists(path) && !modelConfigFile ? checkpointOptions.load(path, manager, System.out) : null;
        ModelConfig source = loaded != null ? loaded.config() : Presets.load(encoder);
        if (source.kind() == ModelKind.VIDEO) {
            throw new IllegalArgumentException(encoder + " is a video model; segmentation needs an image encoder");
        }
        int size = checkpointOptions.imageSize != null ? checkpointOptions.imageSize : source.vision().imageSize();
        VisionConfig vision = source.vision().backbone(size);
        SegmentationConfig config = new SegmentationConfig(
                new ModelConfig(source.name(), ModelKind.VIT, vision, null, null),
                SegmentationDecoderConfig.evenlySpaced(vision.depth(), levels, channels),
                source.kind() == ModelKind.CLIP ? SegmentationConfig.CLIP : SegmentationConfig.IMAGENET,
                loaded != null ? path.toAbsolutePath().toString() : "preset " + encoder + " (random initialisation)");
        SegmentationModel model = new SegmentationModel(config);
        model.initialize(manager);
        if (loaded != null) {
            NamedBlock pretrained = loaded.model();
            SegmentationRun.startEncoderFrom(model, pretrained, path.toString());
        }
        return model;
    }

    private List<String> command() {
        List<String> command = new ArrayList<>(List.of("endolens", "train", "segment", "--checkpoint", encoder,
                "--format", data.format.formatName(), "--root", data.root.toString(), "--levels", Integer.toString(levels),
                "--decoder-channels", Integer.toString(channels)));
        command.addAll(training.arguments());
        if (checkpointOptions.imageSize != null) {
            command.addAll(List.of("--image-size", checkpointOptions.imageSize.toString()));
        }
        return command;
    }
}
