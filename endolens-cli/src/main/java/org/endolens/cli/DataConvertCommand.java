package org.endolens.cli;

import org.endolens.data.Problems;
import org.endolens.data.RecordsFile;
import org.endolens.data.readers.Dataset;
import org.endolens.data.readers.DatasetStats;
import org.endolens.data.readers.Validation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code endolens data convert}: a data set in any supported layout to a records JSONL file. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Write a data set as records JSONL (one exam per line, paths relative to the file; see "
                + "docs/formats.md). Checks that every file exists; masks are decoded where boxes come from them; "
                + "--check decodes every image and mask first.")
final class DataConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--to", required = true, description = "Records file to write (replaced atomically).")
    Path to;

    @Override
    public Integer call() {
        Problems problems = dataset.problems();
        Dataset read = dataset.read(dataset.validation(Validation.FILES), problems);
        RecordsFile.write(to, read.relativeTo(to));
        DatasetStats stats = read.stats();
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + to + ": " + stats.exams() + " exams of " + stats.patients() + " patients, "
                + stats.frames() + " frames, " + stats.videos() + " videos, " + stats.boxes() + " boxes");
        out.println(problems.summary());
        out.flush();
        return 0;
    }
}
