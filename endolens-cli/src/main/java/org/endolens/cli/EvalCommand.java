package org.endolens.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import org.endolens.model.ClipModel;
import org.endolens.nn.NamedBlock;
import org.endolens.tasks.detect.DetectionRun;
import org.endolens.tasks.segment.SegmentationRun;
import org.endolens.train.Trainer;
import org.endolens.train.TrainingCheckpoint;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code endolens eval}: evaluations of a trained checkpoint, one subcommand per protocol. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a checkpoint (zero-shot, few-shot, retrieval, segment, detect); each writes metrics.json"
                + " and report.html.",
        subcommands = {EvalZeroShotCommand.class, EvalFewShotCommand.class, EvalRetrievalCommand.class,
            EvalSegmentCommand.class, EvalDetectCommand.class})
final class EvalCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Loads a CLIP model from a checkpoint directory or file, or from a pretrain run directory's checkpoint. */
    static ClipModel load(CheckpointOptions options, Path checkpoint, NDManager manager) {
        if (!(loadAny(options, checkpoint, manager) instanceof ClipModel model)) {
            throw new IllegalArgumentException(checkpoint + " is not a CLIP checkpoint; evaluation needs image and text towers");
        }
        return model;
    }

    /**
     * Loads any model from a checkpoint directory or file, or from a training run directory's checkpoint; for a
     * segmentation or detection run, its trained encoder.
     */
    static NamedBlock loadAny(CheckpointOptions options, Path checkpoint, NDManager manager) {
        if (SegmentationRun.isRun(checkpoint)) {
            return SegmentationRun.load(checkpoint, manager).encoder();
        }
        if (DetectionRun.isRun(checkpoint)) {
            return DetectionRun.load(checkpoint, manager).encoder();
        }
        Path inRun = checkpoint.resolve(Trainer.CHECKPOINT).resolve(TrainingCheckpoint.MODEL);
        Path path = Files.isDirectory(inRun) ? inRun : checkpoint;
        return options.load(path, manager, System.out).model();
    }
}
