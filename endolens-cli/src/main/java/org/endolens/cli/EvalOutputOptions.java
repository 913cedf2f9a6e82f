package org.endolens.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where an {@code eval} command writes its report, and the seed of its bootstrap intervals and sampling. */
final class EvalOutputOptions {
    @Option(names = "--out", defaultValue = "runs/eval/${COMMAND-NAME}",
            description = "Output directory for metrics.json and report.html (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", defaultValue = "0",
            description = "Seed of the bootstrap intervals and of any sampling (default: ${DEFAULT-VALUE}).")
    long seed;
}
