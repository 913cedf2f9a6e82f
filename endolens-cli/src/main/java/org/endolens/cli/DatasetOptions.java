package org.endolens.cli;

import org.endolens.data.BadInputPolicy;
import org.endolens.data.Problems;
import org.endolens.data.readers.Dataset;
import org.endolens.data.readers.DatasetFormat;
import org.endolens.data.readers.ReadOptions;
import org.endolens.data.readers.ReadProgress;
import org.endolens.data.readers.Validation;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;

/** The options that name a data set and say how carefully to read it, shared by the {@code endolens data} commands. */
final class DatasetOptions {
    @Option(names = "--format", required = true, converter = FormatConverter.class,
            completionCandidates = FormatNames.class, description = "Data set layout: ${COMPLETION-CANDIDATES}.")
    DatasetFormat format;

    @Option(names = "--root", required = true,
            description = "The data set's folder (records: the .jsonl file; entrep: the folder or its data.json).")
    Path root;

    @Option(names = "--check", description = "Decode every image and mask: finds corrupt and truncated files (slower).")
    boolean check;

    @Option(names = "--on-bad-input", defaultValue = "skip", paramLabel = "skip|fail",
            description = "skip: report bad inputs, leave them out and count them at the end (default); fail: stop at the first.")
    BadInputPolicy onBadInput;

    Problems problems() {
        return new Problems(onBadInput);
    }

    /** How deeply the read checks: everything with {@code --check}, else {@code withoutCheck}. */
    Validation validation(Validation withoutCheck) {
        return check ? Validation.FULL : withoutCheck;
    }

    /** Reads the data set, with a progress bar on an interactive console while files are decoded. */
    Dataset read(Validation validation, Problems problems) {
        ReadProgress progress = System.console() == null ? ReadProgress.NONE : BenchMfuCommand::progressBar;
        return format.reader(new ReadOptions(validation, progress)).read(root, problems);
    }

    static final class FormatConverter implements ITypeConverter<DatasetFormat> {
        @Override
        public DatasetFormat convert(String value) {
            try {
                return DatasetFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(DatasetFormat.values()).map(DatasetFormat::formatName).iterator();
        }
    }
}
