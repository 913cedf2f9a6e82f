package org.endolens.tasks.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.endolens.CheckpointException;
import org.endolens.EndoLensException;
import org.endolens.nn.NamedBlock;
import org.endolens.tasks.EncoderTransfer;
import org.endolens.train.Trainer;
import org.endolens.train.TrainingCheckpoint;
import org.endolens.util.Json;
import org.endolens.weights.CheckpointConfig;
import org.endolens.weights.Checkpoints;
import org.endolens.weights.KeyMapping;
import org.endolens.weights.LoadedCheckpoint;
import org.endolens.weights.ModelWeights;

/**
 * A segmentation training run directory: {@code segmentation.json} (the {@link SegmentationConfig}) beside the
 * trainer's files, with the weights in {@code checkpoint/model/} (encoder under {@code encoder.}, decoder under
 * {@code decoder.}). Also starts a model's encoder from a pre-trained ViT or CLIP image tower.
 */
public final class SegmentationRun {
    public static final String CONFIG = "segmentation.json";

    private SegmentationRun() {}

    /** Whether {@code dir} is a segmentation run directory. */
    public static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve(CONFIG));
    }

    public static void writeConfig(Path runDir, SegmentationConfig config) {
        try {
            Files.createDirectories(runDir);
            Json.mapper().writeValue(runDir.resolve(CONFIG).toFile(), config);
        } catch (IOException e) {
            throw new EndoLensException(runDir + ": cannot write " + CONFIG + " (" + e.getMessage() + ")", e);
        }
    }

    public static SegmentationConfig readConfig(Path runDir) {
        Path file = runDir.resolve(CONFIG);
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(runDir + ": not a segmentation run (no " + CONFIG
                    + "); pass the --out directory of 'endolens train segment'");
        }
        try {
            return Json.mapper().readValue(file.toFile(), SegmentationConfig.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new CheckpointException(file + ": not a valid segmentation config (" + Json.reason(e) + ")", e);
        }
    }

    /** The trained model of {@code runDir} (its latest checkpoint), parameters on {@code manager}. */
    public static SegmentationModel load(Path runDir, NDManager manager) {
        SegmentationConfig config = readConfig(runDir);
        Path weights = runDir.resolve(Trainer.CHECKPOINT).resolve(TrainingCheckpoint.MODEL);
        if (!Files.isDirectory(weights)) {
            throw new CheckpointException(runDir + ": has no " + Trainer.CHECKPOINT + "/" + TrainingCheckpoint.MODEL
                    + " yet; train it first (or resume it with --resume)");
        }
        SegmentationModel model = new SegmentationModel(config);
        model.initialize(manager);
        LoadedCheckpoint saved = Checkpoints.read(weights, manager);
        CheckpointConfig stored = Json.mapper().convertValue(saved.config(), CheckpointConfig.class);
        KeyMapping mapping = stored.layout().mapping();
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        saved.weights().entries().forEach(e -> tensors.put(e.getKey(), e.getValue()));
        ModelWeights.load(model, mapping.toInternal(tensors).tensors(), true, config.encoder().vision().posResample(),
                weights.toString(), List.of(), mapping::publicName);
        return model;
    }

    /**
     * Copies the image tower of {@code pretrained} (a ViT, or a CLIP model's {@code visual}) into {@code model}'s
     * encoder; position embeddings are resampled to the model's image size, a classifier head or CLIP projection is
     * left out. Fails when an encoder parameter has no counterpart.
     */
    public static void startEncoderFrom(SegmentationModel model, NamedBlock pretrained, String source) {
        EncoderTransfer.copyImageTower(model, pretrained, source);
    }
}
