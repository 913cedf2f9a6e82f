package org.endolens.data.readers;

import org.endolens.data.ExamRecord;
import org.endolens.data.Problems;
import org.endolens.data.RecordsFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * An existing records JSONL file (or a folder holding {@code records.jsonl}), its paths resolved against the file's
 * folder and checked like any other data set. A malformed line fails the whole file, as {@link RecordsFile} reads it.
 */
public final class RecordsReader implements DatasetReader {
    public static final String FORMAT = "records";

    private final ReadOptions options;

    public RecordsReader(ReadOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Dataset read(Path root, Problems problems) {
        Path file = Files.isDirectory(root) ? root.resolve("records.jsonl") : root;
        List<ExamRecord> exams = RecordsFile.read(file, problems).stream()
                .map(exam -> Dataset.withPaths(exam, path -> RecordsFile.resolve(file, path).toString()))
                .toList();
        return new Dataset(FORMAT, root, new ExamValidator(options, false, null).validate(exams, problems));
    }
}
