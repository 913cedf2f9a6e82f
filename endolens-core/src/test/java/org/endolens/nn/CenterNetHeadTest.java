package org.endolens.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CenterNet head's shapes, CenterNet's initialisation and its checks. */
class CenterNetHeadTest {
    @Test
    void mapsAreAtTheOutputStrideAndTheHeatmapStartsAtTheFocalPrior() {
        try (NDManager manager = NDManager.newBaseManager()) {
            CenterNetHead head = new CenterNetHead(new CenterNetHeadConfig(List.of(0, 1), 16, 4, 3), 32, 16, 1e-6f);
            head.initialize(manager);
            assertArrayEquals(new float[] {-2.19f, -2.19f, -2.19f},
                    head.stateParameters().get("heatmap.2.bias").getArray().toFloatArray());
            NDArray tokens = manager.randomNormal(new Shape(2, 6, 32));
            CenterNetMaps maps = head.maps(new ParameterStore(manager, false), List.of(tokens, tokens), 2, 3, false);
            assertEquals(new Shape(2, 3, 8, 12), maps.heatmap().getShape());
            assertEquals(new Shape(2, 2, 8, 12), maps.size().getShape());
            assertEquals(new Shape(2, 2, 8, 12), maps.offset().getShape());
        }
        assertThrows(IllegalArgumentException.class,
                () -> new CenterNetHead(new CenterNetHeadConfig(List.of(0), 16, 4, 1), 32, 12, 1e-6f));
        assertThrows(IllegalArgumentException.class, () -> new CenterNetHeadConfig(List.of(0), 16, 3, 1));
    }
}
