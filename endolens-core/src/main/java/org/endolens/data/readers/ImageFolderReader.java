package org.endolens.data.readers;

import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.data.image.ImageFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A folder of unlabelled images, searched recursively (JPEG, PNG, TIFF, BMP; other files are ignored). Each image is
 * its own patient and exam, with its path below the root, without extension, as id.
 */
public final class ImageFolderReader implements DatasetReader {
    public static final String FORMAT = "images";

    private final ReadOptions options;

    public ImageFolderReader(ReadOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Dataset read(Path root, Problems problems) {
        Path top = DatasetFiles.requireFolder(root, "image files").toAbsolutePath().normalize();
        List<FrameRecord> frames = DatasetFiles.walk(top, ImageFiles::isImage).stream()
                .map(image -> FrameRecord.of(DatasetFiles.relativeId(top, image), DatasetFiles.absolute(image)))
                .toList();
        return new Dataset(FORMAT, root, new ExamValidator(options, false, null).validate(Exams.ofFrames(frames), problems));
    }
}
