package org.endolens.tasks.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.endolens.data.Box;
import org.endolens.metrics.Detection;
import org.endolens.nn.CenterNetMaps;
import org.junit.jupiter.api.Test;

/** CenterNet's target encoding, its exact inverse in the decoder, and the Gaussian radius. */
class CenterNetTargetsTest {
    private static final int STRIDE = 4;

    @Test
    void boxesEncodedAsHeatmapSizeAndOffsetDecodeToTheSameBoxes() {
        List<Box> boxes = List.of(new Box(5.5, 7.25, 30.0, 40.5, "polyp"), new Box(40, 8, 60, 20, "adenoma"));
        CenterNetTargets.Encoded encoded = CenterNetTargets.encode(boxes, new int[] {0, 1}, 2, 64, 48, STRIDE);
        assertEquals(12, encoded.height());
        assertEquals(16, encoded.width());
        // The first centre is ((5.5 + 30) / 2, (7.25 + 40.5) / 2) / 4 = (4.4375, 5.96875): cell (4, 5).
        int cell = 5 * 16 + 4;
        assertEquals(1f, encoded.heatmap()[cell]);
        assertEquals(1f, encoded.centres()[cell]);
        assertEquals(24.5 / 4, encoded.size()[cell], 1e-6);
        assertEquals(33.25 / 4, encoded.size()[12 * 16 + cell], 1e-6);
        assertEquals(0.4375, encoded.offset()[cell], 1e-6);
        assertEquals(0.96875, encoded.offset()[12 * 16 + cell], 1e-6);
        try (NDManager manager = NDManager.newBaseManager()) {
            CenterNetMaps maps = new CenterNetMaps(logits(manager, encoded.heatmap(), new Shape(1, 2, 12, 16)),
                    manager.create(encoded.size(), new Shape(1, 2, 12, 16)),
                    manager.create(encoded.offset(), new Shape(1, 2, 12, 16)));
            List<Detection> decoded = new CenterNetDecoder(STRIDE, 100, 0.5, List.of("polyp", "adenoma")).decode(maps).get(0)
                    .stream().filter(d -> d.score() > 0.5).toList();
            assertEquals(2, decoded.size());
            for (Box truth : boxes) {
                Box match = decoded.stream().map(Detection::box).filter(b -> b.label().equals(truth.label())).findFirst()
                        .orElseThrow();
                assertEquals(truth.xmin(), match.xmin(), 1e-4);
                assertEquals(truth.ymin(), match.ymin(), 1e-4);
                assertEquals(truth.xmax(), match.xmax(), 1e-4);
                assertEquals(truth.ymax(), match.ymax(), 1e-4);
            }
        }
    }

    /** Logits whose sigmoid is the heatmap (clamped away from 0 and 1). */
    private static NDArray logits(NDManager manager, float[] heatmap, Shape shape) {
        float[] logits = new float[heatmap.length];
        for (int i = 0; i < heatmap.length; i++) {
            double p = Math.min(1 - 1e-6, Math.max(1e-6, heatmap[i]));
            logits[i] = (float) Math.log(p / (1 - p));
        }
        return manager.create(logits, shape);
    }

    @Test
    void gaussianRadiusIsCenterNetsAndTheHeatmapFallsOffAroundTheCentre() {
        // CenterNet's gaussian_radius((10, 10), 0.7): r1 = (20 + sqrt(400 - 4 * 100 * 0.3 / 1.7)) / 2 = 19.1,
        // r2 = (40 + sqrt(1600 - 16 * 30)) / 2 = 36.7, r3 = (-28 + sqrt(784 + 4 * 2.8 * 30)) / 2 = 2.7332 (halved, not
        // divided by 2 a3: CenterNet's published formula).
        assertEquals((-28 + Math.sqrt(784 + 4 * 2.8 * 30)) / 2, CenterNetTargets.gaussianRadius(10, 10, 0.7), 1e-9);
        assertEquals(2.733201, CenterNetTargets.gaussianRadius(10, 10, 0.7), 1e-6);
        CenterNetTargets.Encoded encoded = CenterNetTargets.encode(List.of(new Box(0, 0, 40, 40, null)), new int[] {0}, 1,
                80, 80, STRIDE);
        // A 10x10-cell box centred on cell (5, 5): radius 2, sigma 5/6; the neighbour gets exp(-1 / (2 sigma^2)).
        float[] heat = encoded.heatmap();
        assertEquals(1f, heat[5 * 20 + 5]);
        double sigma = 5 / 6.0;
        assertEquals(Math.exp(-1 / (2 * sigma * sigma)), heat[5 * 20 + 6], 1e-6);
        assertEquals(Math.exp(-8 / (2 * sigma * sigma)), heat[7 * 20 + 7], 1e-6);
        assertEquals(0f, heat[8 * 20 + 5], "outside the radius");
        assertTrue(encoded.size()[5 * 20 + 5] == 10f);
    }

    @Test
    void nmsKeepsTheBestOfOverlappingBoxesOfOneLabelOnly() {
        Detection best = new Detection(new Box(0, 0, 10, 10, "a"), 0.9);
        Detection overlapping = new Detection(new Box(1, 0, 11, 10, "a"), 0.8);
        Detection otherLabel = new Detection(new Box(1, 0, 11, 10, "b"), 0.7);
        Detection apart = new Detection(new Box(20, 20, 30, 30, "a"), 0.6);
        assertEquals(List.of(best, otherLabel, apart),
                new NonMaximumSuppression(0.5).apply(List.of(apart, overlapping, otherLabel, best)));
    }
}
