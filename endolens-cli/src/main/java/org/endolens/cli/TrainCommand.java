package org.endolens.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code endolens train}: trains task heads on a pre-trained or fresh encoder, one subcommand per task. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a task head (segmentation, detection) with progress bar, checkpoints and --resume.",
        subcommands = {TrainSegmentCommand.class, TrainDetectCommand.class})
final class TrainCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
