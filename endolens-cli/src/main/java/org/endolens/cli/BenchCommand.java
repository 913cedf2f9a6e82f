package org.endolens.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code endolens bench}: speed and memory benchmarks (never run as unit tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: throughput, model-FLOP utilisation and memory. Record results in docs/benchmarks.md.",
        subcommands = {BenchMfuCommand.class, BenchMemoryCommand.class, BenchDataCommand.class, BenchVideoCommand.class,
            BenchCleanseCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
