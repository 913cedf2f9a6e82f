package org.endolens.weights;

import static org.endolens.weights.TensorAssertions.assertBitExact;
import static org.endolens.weights.TensorAssertions.checkpoint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.endolens.CheckpointException;
import org.endolens.DataFormatException;
import org.endolens.testing.SharedPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TorchCheckpointTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"torchvision-vit", "open-clip", "endofm-timesformer"})
    void readsFixtureIdenticalToSafetensors(String fixture) {
        Path dir = SharedPaths.requireFixtures(fixture);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            StateDict torch = TorchCheckpoint.read(dir.resolve("weights.pth"), manager);
            StateDict safetensors = SafeTensors.read(dir.resolve("weights.safetensors"), manager);
            assertEquals(new TreeSet<>(safetensors.keys()), new TreeSet<>(torch.keys()));
            for (String key : safetensors.keys()) {
                assertBitExact(safetensors.get(key), torch.get(key), key);
            }
        }
    }

    @Test
    void readsEveryStorageTypeScalarsAndViews() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            StateDict tensors = TorchCheckpoint.read(checkpoint("tensor_kinds.pth"), manager);
            assertEquals(List.of("float32", "float64", "float16", "bfloat16", "int64", "int32", "uint8", "bool",
                    "scalar", "parameter", "empty", "transposed", "columns", "expanded", "shared_head", "shared_tail",
                    "shared_all"), List.copyOf(tensors.keys()));
            assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, tensors.get("float32").toFloatArray());
            assertEquals(new Shape(2, 3), tensors.get("float32").getShape());
            assertArrayEquals(new double[] {0, 1.0 / 3, 2.0 / 3}, tensors.get("float64").toDoubleArray());
            assertEquals(DataType.FLOAT32, tensors.get("float16").getDataType());
            assertArrayEquals(new float[] {1.5f, -2.25f, 65504f, 0x1p-24f, Float.POSITIVE_INFINITY, -0f},
                    tensors.get("float16").toFloatArray());
            assertArrayEquals(new float[] {1f, -3.5f, 0x1p100f, Float.intBitsToFloat(0x3dcd0000)},
                    tensors.get("bfloat16").toFloatArray());
            assertArrayEquals(new long[] {-(1L << 40), 0, 1L << 62}, tensors.get("int64").toLongArray());
            assertArrayEquals(new int[] {-7, 8}, tensors.get("int32").toIntArray());
            assertEquals(new Shape(1, 2), tensors.get("int32").getShape());
            assertArrayEquals(new byte[] {0, 127, (byte) 255}, tensors.get("uint8").toByteArray());
            assertEquals(DataType.UINT8, tensors.get("uint8").getDataType());
            assertArrayEquals(new boolean[] {true, false, true}, tensors.get("bool").toBooleanArray());
            assertEquals(new Shape(), tensors.get("scalar").getShape());
            assertArrayEquals(new float[] {2.5f}, tensors.get("scalar").toFloatArray());
            assertArrayEquals(new float[] {1, 2}, tensors.get("parameter").toFloatArray());
            assertEquals(new Shape(0, 3), tensors.get("empty").getShape());
        }
    }

    @Test
    void materialisesNonContiguousAndSharedStorageViews() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            StateDict tensors = TorchCheckpoint.read(checkpoint("tensor_kinds.pth"), manager);
            assertEquals(new Shape(4, 3), tensors.get("transposed").getShape());
            assertArrayEquals(new float[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11},
                    tensors.get("transposed").toFloatArray());
            assertArrayEquals(new float[] {1, 2, 3, 7, 8, 9, 13, 14, 15, 19, 20, 21},
                    tensors.get("columns").toFloatArray());
            assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, tensors.get("expanded").toFloatArray());
            assertArrayEquals(new float[] {2, 3, 4, 5, 6, 7}, tensors.get("shared_head").toFloatArray());
            assertEquals(new Shape(2, 5), tensors.get("shared_tail").getShape());
            assertArrayEquals(new float[] {10, 11, 12, 13, 14, 15, 16, 17, 18, 19},
                    tensors.get("shared_tail").toFloatArray());
            assertEquals(20, tensors.get("shared_all").size());
            assertEquals(19f, tensors.get("shared_all").toFloatArray()[19]);
        }
    }

    @Test
    void unwrapsTeacherAndStripsDataParallelPrefix() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            StateDict teacher = TorchCheckpoint.read(checkpoint("dino_wrapper.pth"), manager);
            assertEquals(List.of("backbone.cls_token", "backbone.blocks.0.norm1.weight", "head.last_layer.weight"),
                    List.copyOf(teacher.keys()));
            assertArrayEquals(new float[] {0, 1, 2, 3}, teacher.get("backbone.cls_token").toFloatArray());
            assertEquals(new Shape(1, 1, 4), teacher.get("backbone.cls_token").getShape());
        }
    }

    @Test
    void readsTheNamedEntry() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            StateDict student = TorchCheckpoint.read(checkpoint("dino_wrapper.pth"), manager, "student");
            assertArrayEquals(new float[] {-0f, -1, -2, -3}, student.get("backbone.cls_token").toFloatArray());
        }
    }

    @Test
    void unwrapsStateDictBesideOptimizerState() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            StateDict weights = TorchCheckpoint.read(checkpoint("state_dict_wrapper.pth"), manager);
            assertEquals(List.of("fc.weight", "fc.bias"), List.copyOf(weights.keys()));
            assertArrayEquals(new float[] {0.5f, -0.5f}, weights.get("fc.bias").toFloatArray());
        }
    }

    @Test
    void entryWithoutTensorsIsReportedWithTheTopLevelKeys() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            CheckpointException e = assertThrows(CheckpointException.class,
                    () -> TorchCheckpoint.read(checkpoint("dino_wrapper.pth"), manager, "args"));
            assertTrue(e.getMessage().contains("dino_wrapper.pth"), e.getMessage());
            assertTrue(e.getMessage().contains("epoch"), e.getMessage());
        }
    }

    @Test
    void legacyFormatIsRefusedWithAResaveHint() {
        String message = failure(checkpoint("legacy.pth"));
        assertTrue(message.contains("legacy PyTorch format"), message);
        assertTrue(message.contains("_use_new_zipfile_serialization=True"), message);
    }

    @Test
    void truncatedCheckpointIsReportedWithItsFileName() throws IOException {
        byte[] bytes = Files.readAllBytes(checkpoint("tensor_kinds.pth"));
        Path truncated = Files.write(tmp.resolve("weights.pth"), Arrays.copyOf(bytes, bytes.length / 2));
        String message = failure(truncated);
        assertTrue(message.contains("not a PyTorch zip checkpoint"), message);
    }

    @Test
    void randomBytesAreReportedWithTheFileName() throws IOException {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        assertTrue(failure(Files.write(tmp.resolve("random.pth"), bytes)).contains("not a PyTorch zip checkpoint"));
    }

    @Test
    void missingPickleIsReported() throws IOException {
        Path copy = copyWithout(name -> name.endsWith("data.pkl"));
        assertTrue(failure(copy).contains("data.pkl"));
    }

    @Test
    void missingStorageIsReported() throws IOException {
        Path copy = copyWithout(name -> name.endsWith("data/0"));
        assertTrue(failure(copy).contains("storage entry tensor_kinds/data/0 is missing"));
    }

    @Test
    void corruptStorageFailsItsCrc() throws IOException {
        byte[] bytes = Files.readAllBytes(checkpoint("tensor_kinds.pth"));
        byte[] storage; // the int64 tensor's: unlike the arange storages, its bytes occur once in the file
        try (ZipFile zip = new ZipFile(checkpoint("tensor_kinds.pth").toFile())) {
            storage = zip.getInputStream(zip.getEntry("tensor_kinds/data/4")).readAllBytes();
        }
        int at = indexOf(bytes, storage);
        bytes[at + 7] ^= 0x10;
        String message = failure(Files.write(tmp.resolve("corrupt.pth"), bytes));
        assertTrue(message.contains("CRC mismatch in zip entry tensor_kinds/data/4"), message);
    }

    private String failure(Path file) {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> TorchCheckpoint.read(file, manager));
            assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
            return e.getMessage();
        }
    }

    private Path copyWithout(Predicate<String> dropped) throws IOException {
        Path copy = tmp.resolve("weights.pth");
        try (ZipFile zip = new ZipFile(checkpoint("tensor_kinds.pth").toFile());
                OutputStream out = Files.newOutputStream(copy);
                ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (!dropped.test(entry.getName())) {
                    zipOut.putNextEntry(new ZipEntry(entry.getName()));
                    zipOut.write(zip.getInputStream(entry).readAllBytes());
                    zipOut.closeEntry();
                }
            }
        }
        return copy;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("storage bytes not found in the zip");
    }
}
