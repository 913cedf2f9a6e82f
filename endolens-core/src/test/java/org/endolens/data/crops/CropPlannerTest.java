package org.endolens.data.crops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.SplittableRandom;
import org.endolens.data.Box;
import org.endolens.data.image.Mask;
import org.junit.jupiter.api.Test;

class CropPlannerTest {
    private static BufferedImage bright(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 120, 100));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    @Test
    void thePolypWindowHoldsTheWholeBoxAndStaysInTheFrame() {
        CropPlanner planner = new CropPlanner(40);
        CropWindow near = planner.polyp(new Box(90, 5, 98, 15, "polyp"), 100, 100);
        assertEquals(new CropWindow(60, 0, 40), near, "clamped to the right and top edges");
        CropWindow big = planner.polyp(new Box(10, 10, 70, 50, "polyp"), 100, 100);
        assertEquals(75, big.side(), "1.25 x the 60-pixel box");
        assertTrue(big.x() <= 10 && big.x() + big.side() >= 70 && big.y() <= 10 && big.y() + big.side() >= 50);
    }

    @Test
    void theBackgroundWindowTouchesNoMaskPixelAndAvoidsTheDarkBorder() {
        BufferedImage image = bright(100, 100);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 100, 30); // dark top band
        g.dispose();
        Mask mask = PolypFactsTest.mask(new int[] {0, 60, 50, 100}); // polyp in the lower left
        CropPlanner planner = new CropPlanner(40);
        for (int seed = 0; seed < 20; seed++) {
            CropWindow w = planner.background(image, mask, new SplittableRandom(seed)).orElseThrow();
            for (int y = w.y(); y < w.y() + w.side(); y++) {
                for (int x = w.x(); x < w.x() + w.side(); x++) {
                    assertFalse(mask.isForeground(x, y), "window " + w + " covers polyp pixel " + x + "," + y);
                }
            }
            assertTrue(w.y() >= 20, "window " + w + " is more than a quarter dark");
        }
    }

    @Test
    void aFrameFullOfPolypHasNoBackgroundWindow() {
        Mask mask = PolypFactsTest.mask(new int[] {0, 0, 100, 100});
        Optional<CropWindow> none = new CropPlanner(40).background(bright(100, 100), mask, new SplittableRandom(0));
        assertTrue(none.isEmpty());
    }
}
