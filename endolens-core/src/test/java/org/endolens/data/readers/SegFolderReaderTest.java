package org.endolens.data.readers;

import org.endolens.data.BadInputPolicy;
import org.endolens.data.Box;
import org.endolens.data.Problems;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.endolens.data.readers.KvasirSegReaderTest.frame;
import static org.endolens.data.readers.ProblemAssertions.assertReported;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A generic images/ + masks/ folder: labels from labels.csv, unlabelled boxes from masks, orphans reported. */
class SegFolderReaderTest {
    @TempDir
    Path tmp;

    @Test
    void labelsSplitsAndBoxesComeFromTheFolder() throws IOException {
        Path root = tmp.resolve("seg");
        TinyImages.image(root.resolve("images/p.png"), 30, 20);
        TinyImages.mask(root.resolve("masks/p.png"), 30, 20, new Rectangle(1, 1, 4, 4), new Rectangle(20, 10, 6, 6));
        TinyImages.image(root.resolve("images/n.png"), 30, 20);
        TinyImages.mask(root.resolve("masks/n.png"), 30, 20);
        Files.writeString(root.resolve("labels.csv"), "id,has_polyp,polyp_area_fraction,n_components\np,1,0.1,2\nn,0,0,0\n");
        Files.writeString(root.resolve("split.csv"), "id,split\np,train\nn,test\n");
        Dataset dataset = new SegFolderReader(ReadOptions.of(Validation.MASKS)).read(root, new Problems(BadInputPolicy.FAIL));
        assertEquals(List.of(new Box(1, 1, 5, 5, null), new Box(20, 10, 26, 16, null)), frame(dataset, "p").boxes());
        assertEquals("polyp", frame(dataset, "p").label());
        assertEquals("normal", frame(dataset, "n").label());
        DatasetStats stats = dataset.stats();
        assertEquals(1, stats.positives());
        assertEquals(1, stats.negatives());
        assertEquals(Map.of(0, 1, 2, 1), stats.boxesPerFrame());
        assertEquals(Map.of("train", 1, "test", 1), stats.splits());
    }

    @Test
    void imagesWithoutMasksAndMasksWithoutImagesAreReported() throws IOException {
        Path root = tmp.resolve("seg");
        TinyImages.image(root.resolve("images/a.jpg"), 30, 20);
        TinyImages.image(root.resolve("images/b.jpg"), 30, 20);
        TinyImages.mask(root.resolve("masks/a.png"), 30, 20);
        TinyImages.mask(root.resolve("masks/c.png"), 30, 20);
        Files.writeString(root.resolve("split.csv"), "id,split\na,train\nz,val\n");
        Problems problems = new Problems(BadInputPolicy.SKIP);
        Dataset dataset = new SegFolderReader(ReadOptions.of(Validation.FILES)).read(root, problems);
        assertReported(problems, "images/b.jpg", "no mask");
        assertReported(problems, "masks/c.png", "mask without an image");
        assertReported(problems, "split.csv", "id 'z' matches no frame");
        assertEquals(1, dataset.frames().size());
        assertEquals(3, problems.count());
    }
}
