package org.endolens.weights;

import static org.endolens.weights.TensorAssertions.assertBitExact;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.endolens.CheckpointException;
import org.endolens.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void roundTripIsBitExactAndLeavesNoTemporaryFiles() throws IOException {
        Path dir = tmp.resolve("run-1");
        JsonNode config = JSON.readTree("{\"preset\":\"vit-tiny-8\",\"width\":64}");
        JsonNode provenance = JSON.readTree("{\"seed\":0,\"command\":\"endolens train\"}");
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            StateDict weights = weights(manager, 1f);
            Checkpoints.write(dir, weights, config, provenance);
            LoadedCheckpoint loaded = Checkpoints.read(dir, manager);
            for (Map.Entry<String, NDArray> entry : weights.entries()) {
                assertBitExact(entry.getValue(), loaded.weights().get(entry.getKey()), entry.getKey());
            }
            assertEquals(config, loaded.config());
            assertEquals(provenance, loaded.provenance());
        }
        assertEquals(List.of("run-1"), list(tmp));
        assertEquals(List.of("config.json", "model.safetensors", "provenance.json"), list(dir));
        assertEquals(Map.of("format", "pt"), SafeTensors.readMetadata(dir.resolve("model.safetensors")));
    }

    @Test
    void overwritingReplacesTheWholeCheckpoint() throws IOException {
        Path dir = tmp.resolve("run-1");
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Checkpoints.write(dir, weights(manager, 1f), JSON.readTree("{\"epoch\":1}"), JSON.readTree("{}"));
            Checkpoints.write(dir, weights(manager, 2f), JSON.readTree("{\"epoch\":2}"), JSON.readTree("{}"));
            LoadedCheckpoint loaded = Checkpoints.read(dir, manager);
            assertArrayEquals(new float[] {2f}, loaded.weights().get("scale").toFloatArray());
            assertEquals(2, loaded.config().get("epoch").asInt());
        }
        assertEquals(List.of("run-1"), list(tmp));
    }

    @Test
    void refusesToReplaceADirectoryThatIsNotACheckpoint() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("results"));
        Files.writeString(dir.resolve("notes.txt"), "keep me");
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.write(dir,
                    weights(manager, 1f), JSON.readTree("{}"), JSON.readTree("{}")));
            assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
        }
        assertEquals("keep me", Files.readString(dir.resolve("notes.txt")));
        assertEquals(List.of("results"), list(tmp));
    }

    @Test
    void failedWriteKeepsThePreviousCheckpoint() throws IOException {
        Path dir = tmp.resolve("run-1");
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Checkpoints.write(dir, weights(manager, 1f), JSON.readTree("{}"), JSON.readTree("{}"));
            StateDict unwritable = StateDict.of(Map.of("names", manager.create(new String[] {"polyp"})));
            assertThrows(DataFormatException.class,
                    () -> Checkpoints.write(dir, unwritable, JSON.readTree("{}"), JSON.readTree("{}")));
            assertArrayEquals(new float[] {1f}, Checkpoints.read(dir, manager).weights().get("scale").toFloatArray());
        }
        assertEquals(List.of("run-1"), list(tmp));
    }

    @Test
    void missingFileIsNamedAndTheDirectoryRejected() throws IOException {
        Path dir = tmp.resolve("run-1");
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Checkpoints.write(dir, weights(manager, 1f), JSON.readTree("{}"), JSON.readTree("{}"));
            Files.delete(dir.resolve("provenance.json"));
            CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.read(dir, manager));
            assertEquals(dir + ": missing provenance.json; the directory is not an EndoLens checkpoint (expected "
                    + "model.safetensors, config.json, provenance.json)", e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    private static StateDict weights(NDManager manager, float scale) {
        return StateDict.of(Map.of(
                "scale", manager.create(new float[] {scale}),
                "blocks.0.attn.qkv.weight", manager.arange(24f).reshape(new Shape(6, 4)),
                "logit_scale", manager.create(4.6052f)));
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
