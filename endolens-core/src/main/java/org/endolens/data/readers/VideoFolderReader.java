package org.endolens.data.readers;

import org.endolens.data.ExamRecord;
import org.endolens.data.Problems;
import org.endolens.data.VideoRecord;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A folder of video files, searched recursively; each video is one patient's exam, with its path below the root,
 * without extension, as patient and exam id. Videos are listed, not decoded.
 */
public final class VideoFolderReader implements DatasetReader {
    public static final String FORMAT = "video";

    /** The extensions taken as videos (case-insensitive). */
    public static final Set<String> EXTENSIONS = Set.of("mp4", "avi", "mov", "mkv", "webm", "mpg", "mpeg", "m4v", "wmv");

    private final ReadOptions options;

    public VideoFolderReader(ReadOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Dataset read(Path root, Problems problems) {
        Path top = DatasetFiles.requireFolder(root, "video files").toAbsolutePath().normalize();
        List<ExamRecord> exams = DatasetFiles.walk(top, VideoFolderReader::isVideo).stream()
                .map(video -> {
                    String id = DatasetFiles.relativeId(top, video);
                    return new ExamRecord(id, id, null, List.of(),
                            List.of(new VideoRecord(DatasetFiles.absolute(video), null)), null, null);
                })
                .toList();
        return new Dataset(FORMAT, root, new ExamValidator(options, false, null).validate(exams, problems));
    }

    private static boolean isVideo(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
