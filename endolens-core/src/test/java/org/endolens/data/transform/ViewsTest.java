package org.endolens.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ViewsTest {
    private static RgbImage noise(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return RgbImage.of(image);
    }

    @Test
    void multiCropGivesTwoGlobalAndNLocalViewsDeterministically() {
        MultiCropViews views = new MultiCropViews(3, Normalize.imagenet());
        Sample sample = Sample.of(noise(300, 250, 1));
        List<FloatTensor> first = views.views(sample, new SplittableRandom(9));
        List<FloatTensor> again = views.views(sample, new SplittableRandom(9));
        assertEquals(List.of("global0", "global1", "local0", "local1", "local2"), first.stream().map(FloatTensor::name).toList());
        assertArrayEquals(new long[] {3, 224, 224}, first.get(0).shape());
        assertArrayEquals(new long[] {3, 224, 224}, first.get(1).shape());
        assertArrayEquals(new long[] {3, 96, 96}, first.get(4).shape());
        for (int v = 0; v < first.size(); v++) {
            assertArrayEquals(first.get(v).data(), again.get(v).data(), "view " + v);
        }
        assertFalse(Arrays.equals(first.get(2).data(), first.get(3).data()), "local views differ");
    }

    @Test
    void multiCropDecodesADeferredImageOnce() {
        RgbImage whole = noise(200, 150, 2);
        int[] decodes = {0};
        RgbImage deferred = RgbImage.deferred(200, 150, (region, subsampling) -> {
            decodes[0]++;
            BufferedImage copy = new BufferedImage(200, 150, BufferedImage.TYPE_3BYTE_BGR);
            for (int y = 0; y < 150; y++) {
                for (int x = 0; x < 200; x++) {
                    int rgb = Math.round(whole.get(0, x, y) * 255) << 16 | Math.round(whole.get(1, x, y) * 255) << 8
                            | Math.round(whole.get(2, x, y) * 255);
                    copy.setRGB(x, y, rgb);
                }
            }
            return copy;
        });
        List<FloatTensor> fromDeferred = MultiCropViews.dino().views(Sample.of(deferred), new SplittableRandom(4));
        List<FloatTensor> fromDecoded = MultiCropViews.dino().views(Sample.of(whole), new SplittableRandom(4));
        assertEquals(1, decodes[0]);
        for (int v = 0; v < fromDecoded.size(); v++) {
            assertArrayEquals(fromDecoded.get(v).data(), fromDeferred.get(v).data(), 1e-5f, "view " + v);
        }
    }

    @Test
    void spatioTemporalFrameIndicesFollowEndoFm() {
        SpatioTemporalViews views = SpatioTemporalViews.endoFm();
        List<int[]> indices = views.frameIndices(64, new SplittableRandom(3));
        assertEquals(10, indices.size());
        // linspace(0, 59, 8) and linspace(5, 64, 16) clamped to frame 63, truncated.
        assertArrayEquals(new int[] {0, 8, 16, 25, 33, 42, 50, 59}, indices.get(0));
        assertEquals(16, indices.get(1).length);
        assertEquals(5, indices.get(1)[0]);
        assertEquals(63, indices.get(1)[15]);
        int[] localFrames = {2, 2, 4, 4, 8, 8, 16, 16};
        for (int l = 0; l < localFrames.length; l++) {
            int[] local = indices.get(2 + l);
            assertEquals(localFrames[l], local.length);
            assertTrue(local[local.length - 1] - local[0] <= 64 / 8, "a local view spans at most n/8 frames: " + Arrays.toString(local));
            for (int t = 1; t < local.length; t++) {
                assertTrue(local[t] >= local[t - 1]);
            }
        }
    }

    @Test
    void everyFrameOfAViewGetsTheSameCropAndJitter() {
        // All frames identical: within a view every augmented frame must then be identical too.
        RgbImage frame = noise(160, 120, 5);
        SpatioTemporalViews views = SpatioTemporalViews.endoFm();
        SplittableRandom random = new SplittableRandom(11);
        List<int[]> indices = views.frameIndices(32, random);
        Set<Integer> requested = new HashSet<>();
        List<FloatTensor> clips = views.views(indices, i -> {
            assertTrue(requested.add(i), "frame " + i + " decoded twice");
            return frame;
        }, random);
        assertEquals(10, clips.size());
        assertArrayEquals(new long[] {3, 8, 224, 224}, clips.get(0).shape());
        assertArrayEquals(new long[] {3, 16, 224, 224}, clips.get(1).shape());
        assertArrayEquals(new long[] {3, 2, 96, 96}, clips.get(2).shape());
        assertEquals("local7", clips.get(9).name());
        List<float[]> firstFrames = new ArrayList<>();
        for (FloatTensor clip : clips) {
            long[] shape = clip.shape();
            int frames = (int) shape[1];
            int area = (int) (shape[2] * shape[3]);
            for (int c = 0; c < 3; c++) {
                float[] first = Arrays.copyOfRange(clip.data(), c * frames * area, c * frames * area + area);
                for (int t = 1; t < frames; t++) {
                    int start = (c * frames + t) * area;
                    assertArrayEquals(first, Arrays.copyOfRange(clip.data(), start, start + area), clip.name() + " frame " + t);
                }
            }
            firstFrames.add(Arrays.copyOf(clip.data(), area));
        }
        assertFalse(Arrays.equals(firstFrames.get(2), firstFrames.get(3)), "different views get different crops");
    }
}
