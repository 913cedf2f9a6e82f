package org.endolens.data.readers;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Listings sort numbers by value and ids drop the extension only. */
class DatasetFilesTest {
    @Test
    void naturalOrderComparesDigitRunsByValue() {
        List<String> sorted = Stream.of("10.jpg", "9.jpg", "seq2_10", "seq2_9", "seq10_1", "007.jpg", "a", "B")
                .sorted(DatasetFiles.NATURAL_ORDER).toList();
        assertEquals(List.of("007.jpg", "9.jpg", "10.jpg", "B", "a", "seq2_9", "seq2_10", "seq10_1"), sorted);
    }

    @Test
    void idsAreStemsOrPathsWithoutTheLastExtension() {
        assertEquals("cju0qkwl35piu0993l0dewei2", DatasetFiles.stem(Path.of("images/cju0qkwl35piu0993l0dewei2.jpg")));
        assertEquals("a.b", DatasetFiles.stem(Path.of("a.b.png")));
        assertEquals("x/y/frame", DatasetFiles.relativeId(Path.of("/data"), Path.of("/data/x/y/frame.png")));
    }
}
