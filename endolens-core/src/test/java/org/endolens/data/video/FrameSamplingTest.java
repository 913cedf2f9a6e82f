package org.endolens.data.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.endolens.EndoLensException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

class FrameSamplingTest {
    /** 30 frames at 10 fps, 3 s. */
    private static final VideoInfo VIDEO = new VideoInfo(Path.of("clip.avi"), "avi", "mjpeg", 64, 48, 10, 30, 3.0);

    @Test
    void uniformSamplingTakesTheMiddleFrameOfEqualSegments() {
        assertArrayEquals(new int[] {3, 9, 15, 21, 27}, FrameSampling.uniform(5).indices(VIDEO));
        assertArrayEquals(new int[] {15}, FrameSampling.uniform(1).indices(VIDEO));
    }

    @Test
    void uniformSamplingRepeatsFramesOfAShortWindow() {
        assertArrayEquals(new int[] {10, 10, 11, 11}, FrameSampling.uniform(4).within(1.0, 1.2).indices(VIDEO));
    }

    @Test
    void strideTakesEveryNthFrameFromTheStart() {
        assertArrayEquals(new int[] {0, 7, 14, 21, 28}, FrameSampling.stride(7).indices(VIDEO));
        assertEquals(30, FrameSampling.stride(1).indices(VIDEO).length);
    }

    @Test
    void rateTakesTheFrameOnScreenAtEachTick() {
        assertArrayEquals(new int[] {0, 4, 8, 12, 16, 20, 24, 28}, FrameSampling.rate(2.5).indices(VIDEO));
        assertArrayEquals(new int[] {0, 3, 6, 10, 13, 16, 20, 23, 26}, FrameSampling.rate(3).indices(VIDEO));
        assertEquals(30, FrameSampling.rate(60).indices(VIDEO).length, "a rate above the video's gives every frame once");
    }

    @Test
    void windowSelectsFramesShownWithinIt() {
        assertArrayEquals(new int[] {11, 13, 15, 17, 19}, FrameSampling.uniform(5).within(1.0, 2.0).indices(VIDEO));
        assertArrayEquals(new int[] {5, 8, 11, 14}, FrameSampling.stride(3).within(0.45, 1.5).indices(VIDEO));
        assertArrayEquals(new int[] {20, 25}, FrameSampling.rate(2).within(2.0, 3.0).indices(VIDEO));
    }

    @Test
    void windowEndingWithinAFrameOfTheEndIsCutToTheEnd() {
        assertArrayEquals(new int[] {28, 29}, FrameSampling.stride(1).within(2.8, 3.05).indices(VIDEO));
    }

    @Test
    void windowBeyondTheVideoIsAnErrorNamingTheFile() {
        EndoLensException late = assertThrows(EndoLensException.class,
                () -> FrameSampling.uniform(4).within(3.5, 4.0).indices(VIDEO));
        assertTrue(late.getMessage().startsWith("clip.avi: time window [3.5 s, 4.0 s)"), late.getMessage());
        EndoLensException longer = assertThrows(EndoLensException.class,
                () -> FrameSampling.uniform(4).within(1.0, 5.0).indices(VIDEO));
        assertTrue(longer.getMessage().contains("ends after the video"), longer.getMessage());
    }

    @Test
    void nonsenseArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> FrameSampling.stride(0));
        assertThrows(IllegalArgumentException.class, () -> FrameSampling.rate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> FrameSampling.uniform(0));
        assertThrows(IllegalArgumentException.class, () -> FrameSampling.uniform(2).within(2.0, 1.0));
    }
}
