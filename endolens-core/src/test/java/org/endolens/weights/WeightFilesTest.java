package org.endolens.weights;

import static org.endolens.weights.TensorAssertions.checkpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.endolens.DataFormatException;
import org.endolens.EndoLensException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightFilesTest {
    @TempDir
    Path tmp;

    @Test
    void readsCheckpointDirectoriesSafetensorsAndTorchFiles() throws IOException {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            StateDict weights = TorchCheckpoint.read(checkpoint("state_dict_wrapper.pth"), manager);
            Path safetensors = tmp.resolve("fc.safetensors");
            SafeTensors.write(safetensors, weights, Map.of());
            Path dir = tmp.resolve("checkpoint");
            JsonNode empty = JsonNodeFactory.instance.objectNode();
            Checkpoints.write(dir, weights, empty, empty);
            Path zipWithOtherName = Files.copy(checkpoint("state_dict_wrapper.pth"), tmp.resolve("fc.weights"));

            for (Path path : List.of(dir, safetensors, checkpoint("state_dict_wrapper.pth"), zipWithOtherName)) {
                assertEquals(weights.keys(), WeightFiles.read(path, manager).keys(), path.toString());
            }
        }
    }

    @Test
    void unknownFormatListsTheAcceptedOnes() throws IOException {
        Path file = Files.writeString(tmp.resolve("weights.h5"), "HDF5 is not supported");
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> WeightFiles.read(file, manager));
            assertTrue(e.getMessage().startsWith(file + ": unrecognised weights file; expected an EndoLens checkpoint "
                    + "directory, a .safetensors file or a PyTorch checkpoint"), e.getMessage());
        }
    }

    @Test
    void missingPathSaysSo() {
        Path file = tmp.resolve("missing.pth");
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            EndoLensException e = assertThrows(EndoLensException.class, () -> WeightFiles.read(file, manager));
            assertEquals(file + ": no such file", e.getMessage());
        }
    }
}
