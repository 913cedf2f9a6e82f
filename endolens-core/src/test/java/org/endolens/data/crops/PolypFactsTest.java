package org.endolens.data.crops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.endolens.data.image.Mask;
import org.junit.jupiter.api.Test;

class PolypFactsTest {
    /** A 100 x 100 mask with the given filled rectangles (x0, y0, x1, y1 exclusive). */
    static Mask mask(int[]... rectangles) {
        boolean[] flags = new boolean[100 * 100];
        for (int[] r : rectangles) {
            for (int y = r[1]; y < r[3]; y++) {
                for (int x = r[0]; x < r[2]; x++) {
                    flags[y * 100 + x] = true;
                }
            }
        }
        return Mask.copyOf(100, 100, flags);
    }

    @Test
    void sizeAndPositionOfEachComponentByHand() {
        // 10x10 box = 1 % of the frame (small), centre (15, 15): upper left.
        // 30x30 box = 9 % (medium), centre (50, 50): center. 34x40 = 13.6 % (large), centre (83, 75): lower right.
        List<PolypFacts> facts = PolypFacts.of(mask(new int[] {10, 10, 20, 20}, new int[] {35, 35, 65, 65},
                new int[] {66, 55, 100, 95}));
        assertEquals(3, facts.size());
        assertEquals("a small polyp in the upper left of the frame", facts.get(0).description());
        assertEquals("medium", facts.get(1).relativeSize());
        assertEquals("center", facts.get(1).position());
        assertEquals("large", facts.get(2).relativeSize());
        assertEquals("lower right", facts.get(2).position());
    }

    @Test
    void anEmptyMaskHasNoPolyp() {
        assertEquals(0, PolypFacts.of(mask()).size());
    }

    @Test
    void theRepresentativeFrameHasTheMostCommonCount() {
        List<PolypFacts> one = PolypFacts.of(mask(new int[] {10, 10, 20, 20}));
        List<PolypFacts> two = PolypFacts.of(mask(new int[] {10, 10, 20, 20}, new int[] {60, 60, 90, 90}));
        assertEquals(2, MaskCropRecords.representative(List.of(one, two, two)).size());
        assertEquals("Report written from the segmentation masks. Findings: 2 polyps. Polyp 1: a small polyp in the upper"
                + " left of the frame. Polyp 2: a medium polyp in the lower right of the frame.", MaskCropRecords.report(two));
        assertEquals(2, MaskCropRecords.attributes(two).get("polyps").size());
        assertEquals("medium", MaskCropRecords.attributes(two).get("polyps").get(1).get("relative_size").asText());
    }
}
