package org.endolens.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomResizedCropTest {
    @Test
    void regionsRespectScaleRatioAndImageBounds() {
        RandomResizedCrop crop = new RandomResizedCrop(224);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 2000; i++) {
            int width = 50 + random.nextInt(1900);
            int height = 50 + random.nextInt(1100);
            CropRegion region = crop.region(width, height, random);
            assertTrue(region.inside(width, height), region + " inside " + width + "x" + height);
            double scale = (double) region.width() * region.height() / ((double) width * height);
            double ratio = (double) region.width() / region.height();
            // Rounding each side to whole pixels moves the area and ratio a little beyond the drawn values.
            double slack = 2.0 / Math.min(region.width(), region.height());
            // After ten misses (elongated images) the centred fallback may cover less than the minimum scale.
            boolean centredFallback = region.left() == (width - region.width()) / 2 && region.top() == (height - region.height()) / 2;
            assertTrue(centredFallback || scale >= RandomResizedCrop.SCALE_MIN * (1 - 2 * slack), "scale " + scale + " of " + region);
            assertTrue(scale <= 1 + 1e-9, "scale " + scale);
            assertTrue(ratio >= RandomResizedCrop.RATIO_MIN * (1 - slack) && ratio <= RandomResizedCrop.RATIO_MAX * (1 + slack)
                    || centredFallback && (region.width() == width || region.height() == height), "ratio " + ratio + " of " + region);
        }
    }

    @Test
    void fallsBackToTheLargestCentredCropWithinTheRatioRange() {
        // A 1000x10 strip: no drawn crop fits in 10 attempts, so torchvision's fallback keeps the full height and
        // the widest allowed ratio: w = round(10 * 4/3) = 13, centred.
        CropRegion region = new RandomResizedCrop(224).region(1000, 10, new SplittableRandom(1));
        assertEquals(new CropRegion(493, 0, 13, 10), region);
        CropRegion tall = new RandomResizedCrop(224).region(10, 1000, new SplittableRandom(1));
        assertEquals(new CropRegion(0, 493, 10, 13), tall);
    }

    @Test
    void sameSeedSameCropAndPixels() {
        float[] planes = new float[3 * 60 * 80];
        SplittableRandom fill = new SplittableRandom(5);
        for (int i = 0; i < planes.length; i++) {
            planes[i] = fill.nextFloat();
        }
        Sample sample = Sample.of(new RgbImage(80, 60, planes));
        RandomResizedCrop crop = new RandomResizedCrop(32);
        float[] first = crop.apply(sample, new SplittableRandom(42)).image().planes();
        float[] second = crop.apply(sample, new SplittableRandom(42)).image().planes();
        assertArrayEquals(first, second);
    }

    @Test
    void antialiasedBilinearMatchesPyTorchWeights() {
        // F.interpolate([0, 1, 2, 3], size=2, mode="bilinear", antialias=True): the triangle kernel stretched by the
        // scale 2 gives taps (0.75, 0.75, 0.25) / 1.75 -> 1.25 / 1.75 and 4 / 1.75.
        float[] row = {0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3};
        Sample sample = Sample.of(new RgbImage(4, 1, row));
        RgbImage out = Resize.to(2, 1, Interpolation.BILINEAR).apply(sample, new SplittableRandom(0)).image();
        assertArrayEquals(new float[] {1.25f / 1.75f, 4f / 1.75f, 1.25f / 1.75f, 4f / 1.75f, 1.25f / 1.75f, 4f / 1.75f},
                out.planes(), 1e-6f);
        // Upsampling 2 -> 4 is plain bilinear with align_corners=False: source positions -0.25, 0.25, 0.75, 1.25.
        RgbImage up = Resize.to(4, 1, Interpolation.BILINEAR)
                .apply(Sample.of(new RgbImage(2, 1, new float[] {0, 1, 0, 1, 0, 1})), new SplittableRandom(0)).image();
        assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f}, Arrays.copyOf(up.planes(), 4), 1e-6f);
    }
}
