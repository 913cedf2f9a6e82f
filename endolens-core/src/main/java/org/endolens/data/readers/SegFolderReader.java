package org.endolens.data.readers;

import org.endolens.data.Problems;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A generic segmentation folder, the layout of the prepared copies in {@code shared/data}: {@code images/<id>.*},
 * {@code masks/<id>.*}, optional {@code split.csv} and {@code labels.csv}. Each image is its own exam; boxes come from
 * the masks' connected components, unlabelled.
 */
public final class SegFolderReader implements DatasetReader {
    public static final String FORMAT = "segfolder";

    private final ReadOptions options;

    public SegFolderReader(ReadOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Dataset read(Path root, Problems problems) {
        var exams = Exams.ofFrames(SegmentationFolder.frames(root, problems));
        return new Dataset(FORMAT, root, new ExamValidator(options, true, null).validate(exams, problems));
    }
}
