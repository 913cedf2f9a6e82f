package org.endolens.cli;

import java.util.ArrayList;
import java.util.List;
import org.endolens.train.TrainerConfig;
import picocli.CommandLine.Option;

/** The options of training a task head on an encoder: data split, schedule, optimiser, checkpoints, resume, seed. */
final class HeadTrainingOptions {
    @Option(names = "--split", defaultValue = "train",
            description = "Frame splits to train on, comma-separated, or 'all' (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--freeze-encoder", description = "Train the head (decoder) only; the encoder's weights stay as loaded.")
    boolean freezeEncoder;

    @Option(names = "--steps", defaultValue = "1000", description = "Training steps (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--batch-size", defaultValue = "16", description = "Images per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--warmup", defaultValue = "50", description = "Linear warm-up steps (default: ${DEFAULT-VALUE}).")
    long warmup;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--weight-decay", defaultValue = "0.05", description = "AdamW weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--checkpoint-every", defaultValue = "100", description = "Checkpoint interval in steps (default: ${DEFAULT-VALUE}).")
    long checkpointEvery;

    @Option(names = "--resume", description = "Continue from --out's checkpoint when there is one.")
    boolean resume;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    /** AdamW with warm-up and cosine decay to lr / 100, gradient clipping at norm 1, every step logged. */
    TrainerConfig trainerConfig() {
        return new TrainerConfig(steps, warmup, lr, lr / 100, weightDecay, 1.0, checkpointEvery, 1, seed);
    }

    /** These options as command-line arguments, for a run's provenance. */
    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("--split", split, "--steps", Long.toString(steps), "--batch-size",
                Integer.toString(batchSize), "--warmup", Long.toString(warmup), "--lr", Double.toString(lr),
                "--weight-decay", Double.toString(weightDecay), "--seed", Long.toString(seed)));
        if (freezeEncoder) {
            args.add("--freeze-encoder");
        }
        return args;
    }
}
