package org.endolens.data.image;

import org.endolens.data.Box;
import org.endolens.testing.SharedPaths;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Boxes are the extents of 8-connected components at least a fraction of the image, like the data sets' labels. */
class BoxesTest {
    @Test
    void diagonalNeighboursAreOneComponent() {
        Mask mask = mask(5, 4,
                "X....",
                ".X...",
                "..X.X",
                "....X");
        List<Box> boxes = Boxes.fromMask(mask, 0, "polyp");
        assertEquals(List.of(new Box(0, 0, 3, 3, "polyp"), new Box(4, 2, 5, 4, "polyp")), boxes);
    }

    @Test
    void componentsBelowTheMinimumAreaGetNoBox() {
        Mask mask = mask(10, 10,
                "XX........",
                "XX........",
                "..........",
                ".......X..",
                "..........",
                "..........",
                "..........",
                "..........",
                "..........",
                "..........");
        assertEquals(List.of(new Box(0, 0, 2, 2, null)), Boxes.fromMask(mask, 0.02, null));
        assertEquals(2, Boxes.fromMask(mask, 0.01, null).size());
        assertEquals(0, Boxes.fromMask(mask, 0.05, null).size());
    }

    @Test
    void minimumAreaFractionIsChecked() {
        Mask mask = mask(1, 1, "X");
        assertThrows(IllegalArgumentException.class, () -> Boxes.fromMask(mask, 1.5, null));
        assertThrows(IllegalArgumentException.class, () -> Boxes.fromMask(mask, Double.NaN, null));
    }

    @Test
    void componentCountsMatchKvasirLabelsOnASample() throws IOException {
        Path root = SharedPaths.data().resolve("kvasir-seg");
        Assumptions.assumeTrue(Files.isDirectory(root), "Kvasir-SEG not found at " + root + "; skipping");
        List<String> rows = Files.readAllLines(root.resolve("labels.csv"));
        int checked = 0;
        for (int i = 1; i < rows.size(); i++) {
            String[] row = rows.get(i).split(",");
            int expected = Integer.parseInt(row[3]);
            // Every frame with several components (the hard cases) and every 40th frame.
            if (expected > 1 || i % 40 == 0) {
                Path file = root.resolve("masks").resolve(row[0] + ".png");
                ImageSize size = ImageFiles.size(file);
                Mask mask = MaskFiles.read(file, size.width(), size.height());
                assertEquals(expected, Boxes.fromMask(mask, Boxes.MIN_AREA_FRACTION, "polyp").size(), row[0]);
                assertEquals(Double.parseDouble(row[2]), mask.foregroundFraction(), 5e-7, row[0]);
                checked++;
            }
        }
        assertTrue(checked >= 70, "only " + checked + " masks checked");
    }

    private static Mask mask(int width, int height, String... rows) {
        boolean[] foreground = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                foreground[y * width + x] = rows[y].charAt(x) == 'X';
            }
        }
        return Mask.copyOf(width, height, foreground);
    }
}
