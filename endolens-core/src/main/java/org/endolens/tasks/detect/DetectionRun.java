package org.endolens.tasks.detect;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.endolens.CheckpointException;
import org.endolens.EndoLensException;
import org.endolens.train.Trainer;
import org.endolens.train.TrainingCheckpoint;
import org.endolens.util.Json;

/**
 * A detection training run directory: {@code detection.json} (the {@link DetectionConfig}) beside the trainer's
 * files, with the weights in {@code checkpoint/model/} (encoder under {@code encoder.}, head under {@code head.}).
 */
public final class DetectionRun {
    public static final String CONFIG = "detection.json";

    private DetectionRun() {}

    /** Whether {@code dir} is a detection run directory. */
    public static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve(CONFIG));
    }

    public static void writeConfig(Path runDir, DetectionConfig config) {
        try {
            Files.createDirectories(runDir);
            Json.mapper().writeValue(runDir.resolve(CONFIG).toFile(), config);
        } catch (IOException e) {
            throw new EndoLensException(runDir + ": cannot write " + CONFIG + " (" + e.getMessage() + ")", e);
        }
    }

    public static DetectionConfig readConfig(Path runDir) {
        Path file = runDir.resolve(CONFIG);
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(runDir + ": not a detection run (no " + CONFIG
                    + "); pass the --out directory of 'endolens train detect'");
        }
        try {
            return Json.mapper().readValue(file.toFile(), DetectionConfig.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new CheckpointException(file + ": not a valid detection config (" + Json.reason(e) + ")", e);
        }
    }

    /** The trained model of {@code runDir} (its latest checkpoint), parameters on {@code manager}. */
    public static DetectionModel load(Path runDir, NDManager manager) {
        DetectionConfig config = readConfig(runDir);
        Path checkpoint = runDir.resolve(Trainer.CHECKPOINT);
        if (!Files.isDirectory(checkpoint.resolve(TrainingCheckpoint.MODEL))) {
            throw new CheckpointException(runDir + ": has no " + Trainer.CHECKPOINT + "/" + TrainingCheckpoint.MODEL
                    + " yet; train it first (or resume it with --resume)");
        }
        DetectionModel model = new DetectionModel(config);
        model.initialize(manager);
        TrainingCheckpoint.loadModel(checkpoint, model, manager);
        return model;
    }
}
