package org.endolens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ChartsTest {
    @Test
    void aBase2AxisIsLabelledAtPowersOfTwoOnly() {
        assertEquals("1", Charts.powerOfTwoLabel(0));
        assertEquals("16", Charts.powerOfTwoLabel(4));
        assertEquals("0.5000", Charts.powerOfTwoLabel(-1));
        assertEquals("", Charts.powerOfTwoLabel(2.5));
    }

    @Test
    void kShotsOnABase2AxisRender() throws Exception {
        byte[] png = Charts.lines("few-shot", "k", "accuracy",
                Map.of("probe", new double[][] {{1, 2, 4, 8, 16}, {0.5, 0.6, 0.7, 0.72, 0.8}}), true);
        assertEquals(560, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
    }

    @Test
    void aBase2AxisRejectsNonPositiveX() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Charts.lines("t", "k", "y",
                Map.of("probe", new double[][] {{0, 1}, {0.5, 0.6}}), true));
        assertTrue(e.getMessage().contains("series 'probe' has x = 0.0"), e.getMessage());
    }
}
