package org.endolens.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.endolens.CheckpointException;
import org.junit.jupiter.api.Test;

class StateDictTest {
    @Test
    void missingKeyNamesTheSourceAndKeysThatDifferByAPrefix() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            StateDict dict = new StateDict("teacher.pth");
            dict.put("backbone.blocks.0.norm1.weight", manager.ones(new Shape(4)));
            CheckpointException e = assertThrows(CheckpointException.class, () -> dict.get("blocks.0.norm1.weight"));
            assertEquals("teacher.pth: no tensor 'blocks.0.norm1.weight' among 1 tensors; similar: "
                    + "'backbone.blocks.0.norm1.weight'", e.getMessage());
        }
    }

    @Test
    void withoutPrefixStripsOnlyPrefixedKeysInOrder() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            arrays.put("visual.proj", manager.create(1f));
            arrays.put("logit_scale", manager.create(2f));
            arrays.put("visual.conv1.weight", manager.create(3f));
            StateDict stripped = StateDict.of(arrays).withoutPrefix("visual.");
            assertEquals(List.of("proj", "logit_scale", "conv1.weight"), List.copyOf(stripped.keys()));
            assertSame(arrays.get("visual.proj"), stripped.get("proj"));
        }
    }

    @Test
    void withoutPrefixRefusesKeysThatWouldCollide() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            StateDict dict = StateDict.of(Map.of("module.fc", manager.create(1f)));
            dict.put("fc", manager.create(2f));
            assertThrows(CheckpointException.class, () -> dict.withoutPrefix("module."));
        }
    }

    @Test
    void viewsAreReadOnly() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            StateDict dict = StateDict.of(Map.of("fc", manager.create(1f)));
            assertThrows(UnsupportedOperationException.class, () -> dict.keys().remove("fc"));
            assertThrows(UnsupportedOperationException.class, () -> dict.entries().clear());
        }
    }
}
