package org.endolens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class MemoryTraceTest {
    @Test
    void aSteadyLeakShowsAsTheSlopeDespiteNoise() {
        List<Long> rss = new ArrayList<>();
        for (int step = 1; step <= 200; step++) {
            long noise = (step % 2 == 0 ? 1 : -1) * 40L * 1024 * 1024;   // +-40 MiB, alternating
            rss.add(1_000_000_000L + 10_000L * step + noise);
        }
        MemoryTrace trace = new MemoryTrace("m", 8, rss, Collections.nCopies(rss.size(), 0L));
        assertEquals(10_000, trace.slope(20, 200), 1e-3);   // an alternating swing over 20..200 adds no slope
        assertEquals(1_000_000_000L + 10_000L * 200 + 40L * 1024 * 1024, trace.rssAt(200));
    }

    @Test
    void windowMeansAndSlopeOfAHandComputedTrace() {
        MemoryTrace trace = new MemoryTrace("m", 8, List.of(10L, 20L, 30L, 20L), List.of(5L, 9L, 9L, 12L));
        assertEquals(20.0, trace.windowMean(1, 3), 1e-12);
        assertEquals(25.0, trace.windowMean(3, 4), 1e-12);
        // Steps 1..4 (mean 2.5) against 10, 20, 30, 20 (mean 20): sum of products (-1.5)(-10) + (-0.5)(0) + (0.5)(10)
        // + (1.5)(0) = 20 over a sum of squares 2.25 + 0.25 + 0.25 + 2.25 = 5: 4 bytes per step.
        assertEquals(4.0, trace.slope(1, 4), 1e-12);
        assertEquals(-10, trace.growthSince(3));
        assertEquals(3, trace.jitMillisSince(2));
    }

    @Test
    void windowsOutsideTheTraceAreRejected() {
        MemoryTrace trace = new MemoryTrace("m", 8, List.of(1L, 2L, 3L), List.of(0L, 0L, 0L));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trace.windowMean(2, 4));
        assertTrue(e.getMessage().contains("step 4 is outside 1..3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> trace.windowMean(3, 2));
        assertThrows(IllegalArgumentException.class, () -> trace.slope(2, 2));
        assertThrows(IllegalArgumentException.class, () -> new MemoryTrace("m", 8, List.of(1L, 2L), List.of(0L)));
    }
}
