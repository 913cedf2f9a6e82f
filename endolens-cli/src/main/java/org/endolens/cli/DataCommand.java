package org.endolens.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code endolens data}: inspect public data sets and convert them into records files. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Data sets: count what a data set holds and what is wrong with it (stats), or write it as records (convert).",
        subcommands = {DataStatsCommand.class, DataConvertCommand.class, DataCropsCommand.class, DataSyntheticCommand.class})
final class DataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
