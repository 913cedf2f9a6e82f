package org.endolens.data.readers;

import org.endolens.data.BadInputPolicy;
import org.endolens.data.Problems;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.endolens.data.readers.KvasirSegReaderTest.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** HyperKvasir: the label is the folder holding the image, however deep. */
class HyperKvasirReaderTest {
    @TempDir
    Path tmp;

    @Test
    void labelIsTheLeafFolderName() throws IOException {
        Path root = tmp.resolve("labeled-images");
        TinyImages.image(root.resolve("lower-gi-tract/pathological-findings/polyps/p1.jpg"), 16, 16);
        TinyImages.image(root.resolve("lower-gi-tract/pathological-findings/polyps/p2.jpg"), 16, 16);
        TinyImages.image(root.resolve("upper-gi-tract/anatomical-landmarks/z-line/z1.jpg"), 16, 16);
        TinyImages.image(root.resolve("loose.png"), 16, 16);
        Files.writeString(root.resolve("image-labels.csv"), "Video file,Organ,Finding,Classification\n");
        Dataset dataset = new HyperKvasirReader(ReadOptions.of(Validation.FULL)).read(root, new Problems(BadInputPolicy.FAIL));
        assertEquals("polyps", frame(dataset, "p1").label());
        assertEquals("z-line", frame(dataset, "z1").label());
        assertNull(frame(dataset, "loose").label());
        assertEquals(Map.of("polyps", 2, "z-line", 1, DatasetStats.NONE, 1), dataset.stats().labels());
        assertEquals(4, dataset.stats().patients());
    }
}
