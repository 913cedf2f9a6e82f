package org.endolens.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Colour transforms on a 2x2 image against numbers worked out by hand from torchvision's formulas. Pixels, row-major:
 * (0.2, 0.4, 0.6), (0.8, 0.1, 0.3), (0.5, 0.5, 0.5), (1.0, 0.9, 0.0); their lumas 0.2989 R + 0.587 G + 0.114 B are
 * 0.36298, 0.33202, 0.49995 and 0.8272, mean 0.5055375.
 */
class PhotometricTest {
    private static final float TOLERANCE = 1e-6f;

    private static RgbImage image() {
        return new RgbImage(2, 2, new float[] {
            0.2f, 0.8f, 0.5f, 1.0f,   // R
            0.4f, 0.1f, 0.5f, 0.9f,   // G
            0.6f, 0.3f, 0.5f, 0.0f}); // B
    }

    private static void assertPixels(float[][] expected, RgbImage actual) {
        float[] planes = actual.planes();
        for (int p = 0; p < 4; p++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[p][c], planes[c * 4 + p], TOLERANCE, "pixel " + p + " channel " + c);
            }
        }
    }

    @Test
    void brightnessScalesAndClampsAtOne() {
        assertPixels(new float[][] {{0.3f, 0.6f, 0.9f}, {1f, 0.15f, 0.45f}, {0.75f, 0.75f, 0.75f}, {1f, 1f, 0f}},
                ColorJitter.adjustBrightness(image(), 1.5));
    }

    @Test
    void contrastBlendsWithTheMeanLumaOfTheWholeImage() {
        // 0.5 x + 0.5 * 0.5055375
        assertPixels(new float[][] {
            {0.35276875f, 0.45276875f, 0.55276875f}, {0.65276875f, 0.30276875f, 0.40276875f},
            {0.50276875f, 0.50276875f, 0.50276875f}, {0.75276875f, 0.70276875f, 0.25276875f}},
                ColorJitter.adjustContrast(image(), 0.5));
    }

    @Test
    void saturationBlendsWithEachPixelsLuma() {
        // 2 x - luma, clamped: pixel 1 is (1.6 - 0.33202, 0.2 - 0.33202, 0.6 - 0.33202) -> (1, 0, 0.26798).
        assertPixels(new float[][] {{0.03702f, 0.43702f, 0.83702f}, {1f, 0f, 0.26798f}, {0.50005f, 0.50005f, 0.50005f},
            {1f, 0.9728f, 0f}}, ColorJitter.adjustSaturation(image(), 2.0));
        assertPixels(new float[][] {{0.36298f, 0.36298f, 0.36298f}, {0.33202f, 0.33202f, 0.33202f},
            {0.49995f, 0.49995f, 0.49995f}, {0.8272f, 0.8272f, 0.8272f}}, ColorJitter.adjustSaturation(image(), 0.0));
    }

    @Test
    void hueRotatesInHsvAndKeepsGrey() {
        // Pixel 0: HSV (210 deg, 2/3, 0.6) + 90 deg = 300 deg -> (0.6, 0.2, 0.6).
        // Pixel 1: HSV (342.86 deg, 0.875, 0.8) + 90 deg = 72.86 deg: sector 1, f = 3/14 -> (0.8 (1 - 0.875 * 3/14), 0.8, 0.1).
        // Pixel 3: HSV (54 deg, 1, 1) + 90 deg = 144 deg: sector 2, f = 0.4 -> (0, 1, 0.4). Grey pixel 2 keeps its value.
        assertPixels(new float[][] {{0.6f, 0.2f, 0.6f}, {0.65f, 0.8f, 0.1f}, {0.5f, 0.5f, 0.5f}, {0f, 1f, 0.4f}},
                ColorJitter.adjustHue(image(), 0.25));
    }

    @Test
    void jitterDrawsTheOrderFirstThenTheFactor() {
        Sample sample = Sample.of(image());
        RgbImage jittered = new ColorJitter(0.5, 0, 0, 0).apply(sample, new SplittableRandom(7)).image();
        SplittableRandom replay = new SplittableRandom(7);
        replay.nextInt(4);
        replay.nextInt(3);
        replay.nextInt(2);
        double factor = 0.5 + replay.nextDouble();
        assertArrayEquals(ColorJitter.adjustBrightness(image(), factor).planes(), jittered.planes());
    }

    @Test
    void grayscaleUsesTorchvisionLumaWeights() {
        assertPixels(new float[][] {{0.36298f, 0.36298f, 0.36298f}, {0.33202f, 0.33202f, 0.33202f},
            {0.49995f, 0.49995f, 0.49995f}, {0.8272f, 0.8272f, 0.8272f}}, RandomGrayscale.grayscale(image()));
    }

    @Test
    void solarizeInvertsValuesFromHalfUp() {
        assertPixels(new float[][] {{0.2f, 0.4f, 0.4f}, {0.2f, 0.1f, 0.3f}, {0.5f, 0.5f, 0.5f}, {0f, 0.1f, 0f}},
                RandomSolarize.solarize(image(), RandomSolarize.THRESHOLD));
    }

    @Test
    void normalizeWithClipAndImagenetStatistics() {
        // (x - mean) / std, e.g. (0.2 - 0.48145466) / 0.26862954 = -1.0477428.
        assertPixels(new float[][] {
            {-1.0477428f, -0.2213047f, 0.6954503f}, {1.1858165f, -1.3693990f, -0.3923847f},
            {0.0690369f, 0.1613934f, 0.3328386f}, {1.9303363f, 1.6921857f, -1.4802198f}},
                Normalize.clip().normalize(image()));
        assertPixels(new float[][] {
            {-1.2445415f, -0.25f, 0.8622222f}, {1.3755459f, -1.5892857f, -0.4711111f},
            {0.0655022f, 0.1964286f, 0.4177778f}, {2.2489083f, 1.9821429f, -1.8044444f}},
                Normalize.imagenet().normalize(image()));
    }

    @Test
    void blurKeepsAConstantImageAndSmoothsAStep() {
        float[] flat = new float[3 * 5 * 5];
        Arrays.fill(flat, 0.25f);
        assertArrayEquals(flat, GaussianBlur.blur(new RgbImage(5, 5, flat), 1.3).planes(), TOLERANCE);
        float[] step = new float[3 * 1 * 6];
        for (int c = 0; c < 3; c++) {
            for (int x = 3; x < 6; x++) {
                step[c * 6 + x] = 1f;
            }
        }
        float[] blurred = GaussianBlur.blur(new RgbImage(6, 1, step), 1.0).planes();
        for (int x = 1; x < 6; x++) {
            assertTrue(blurred[x] >= blurred[x - 1], "a blurred step rises monotonically");
        }
        assertEquals(1.0f, blurred[2] + blurred[3], 1e-5f, "a symmetric kernel blurs a step symmetrically");
    }
}
