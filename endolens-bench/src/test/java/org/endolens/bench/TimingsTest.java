package org.endolens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class TimingsTest {
    @Test
    void medianOfAnOddCountIsTheMiddleRun() {
        Timings t = new Timings(List.of(3.0, 1.0, 2.0));
        assertEquals(2.0, t.median());
        assertEquals(1.0, t.min());
        assertEquals(3.0, t.max());
        assertEquals(1.0, t.spread());
    }

    @Test
    void medianOfAnEvenCountAveragesTheMiddlePair() {
        assertEquals(2.5, new Timings(List.of(4.0, 1.0, 2.0, 3.0)).median());
    }

    @Test
    void noRunsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> new Timings(List.of()));
    }
}
