package org.endolens.data.readers;

import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.data.image.ImageFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * HyperKvasir's labelled images: class folders, possibly nested
 * ({@code lower-gi-tract/pathological-findings/polyps/*.jpg}); the label is the name of the folder holding the image.
 * Point the root at {@code labeled-images}. Each image is its own patient and exam (the set does not say otherwise).
 */
public final class HyperKvasirReader implements DatasetReader {
    public static final String FORMAT = "hyperkvasir";

    private final ReadOptions options;

    public HyperKvasirReader(ReadOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Dataset read(Path root, Problems problems) {
        Path top = DatasetFiles.requireFolder(root, "class folders of images").toAbsolutePath().normalize();
        List<FrameRecord> frames = DatasetFiles.walk(top, ImageFiles::isImage).stream()
                .map(image -> new FrameRecord(DatasetFiles.stem(image), DatasetFiles.absolute(image), null,
                        image.getParent().equals(top) ? null : image.getParent().getFileName().toString(), null,
                        List.of(), null))
                .toList();
        return new Dataset(FORMAT, root, new ExamValidator(options, false, null).validate(Exams.ofFrames(frames), problems));
    }
}
