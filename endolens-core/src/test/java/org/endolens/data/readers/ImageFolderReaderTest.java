package org.endolens.data.readers;

import org.endolens.data.BadInputPolicy;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.endolens.data.readers.ProblemAssertions.assertReported;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Plain image folders: recursive, ids are paths below the root, damaged images reported under --check. */
class ImageFolderReaderTest {
    @TempDir
    Path tmp;

    @Test
    void imagesAreFoundRecursivelyInNaturalOrder() throws IOException {
        Path root = tmp.resolve("frames");
        TinyImages.image(root.resolve("exam/frame10.jpg"), 16, 16);
        TinyImages.image(root.resolve("exam/frame9.PNG"), 16, 16);
        TinyImages.image(root.resolve("other/frame9.bmp"), 16, 16);
        TinyImages.image(root.resolve(".thumbnails/frame1.jpg"), 16, 16);
        Files.writeString(root.resolve("notes.txt"), "not an image");
        Dataset dataset = new ImageFolderReader(ReadOptions.of(Validation.FILES)).read(root, new Problems(BadInputPolicy.FAIL));
        assertEquals(List.of("exam/frame9", "exam/frame10", "other/frame9"),
                dataset.frames().stream().map(FrameRecord::id).toList());
        assertEquals(3, dataset.stats().exams());
    }

    @Test
    void corruptImagesAreReportedUnderTheFullCheck() {
        Path root = tmp.resolve("frames");
        TinyImages.image(root.resolve("good.png"), 24, 24);
        TinyImages.truncate(TinyImages.image(root.resolve("bad.png"), 24, 24));
        Problems problems = new Problems(BadInputPolicy.SKIP);
        Dataset dataset = new ImageFolderReader(ReadOptions.of(Validation.FULL)).read(root, problems);
        assertReported(problems, "bad.png", "corrupt or truncated image");
        assertEquals(List.of("good"), dataset.frames().stream().map(FrameRecord::id).toList());
    }
}
