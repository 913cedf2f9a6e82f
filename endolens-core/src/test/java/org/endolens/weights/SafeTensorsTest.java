package org.endolens.weights;

import static org.endolens.weights.TensorAssertions.assertBitExact;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.endolens.DataFormatException;
import org.endolens.testing.SharedPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void roundTripIsBitExactWithMetadataAndScalars() {
        Path file = tmp.resolve("model.safetensors");
        Map<String, String> metadata = Map.of("format", "pt", "note", "grüße");
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            StateDict written = mixedTypes(manager);
            SafeTensors.write(file, written, metadata);
            StateDict read = SafeTensors.read(file, manager);
            assertEquals(written.size(), read.size());
            for (Map.Entry<String, NDArray> entry : written.entries()) {
                assertBitExact(entry.getValue(), read.get(entry.getKey()), entry.getKey());
            }
            assertEquals(new Shape(), read.get("scalar").getShape());
            assertEquals(metadata, SafeTensors.readMetadata(file));
            assertEquals(List.of("model.safetensors"), list(tmp));
        }
    }

    @Test
    void halfPrecisionIsWidenedToFloat32() throws IOException {
        Path file = tmp.resolve("half.safetensors");
        float[] values = {1.5f, -2.25f, 65504f, 0x1p-24f, Float.NEGATIVE_INFINITY, -0f};
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            SafeTensors.write(file, StateDict.of(Map.of("f16", manager.create(values).toType(DataType.FLOAT16, false))),
                    Map.of());
            StateDict read = SafeTensors.read(file, manager);
            assertEquals(DataType.FLOAT32, read.get("f16").getDataType());
            assertArrayEquals(values, read.get("f16").toFloatArray());
        }
    }

    @Test
    void bfloat16IsWidenedToFloat32() throws IOException {
        // DJL's PyTorch engine cannot convert to bfloat16, so the file is written by hand: 1.0, -3.5, bf16(0.1).
        Path file = raw("bf16.safetensors", "{\"b\":{\"dtype\":\"BF16\",\"shape\":[3],\"data_offsets\":[0,6]}}",
                new byte[] {(byte) 0x80, 0x3f, 0x60, (byte) 0xc0, (byte) 0xcd, 0x3d});
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            assertArrayEquals(new float[] {1f, -3.5f, Float.intBitsToFloat(0x3dcd0000)},
                    SafeTensors.read(file, manager).get("b").toFloatArray());
        }
    }

    @Test
    void writesThePythonLibrarysLayout() throws IOException {
        Path file = tmp.resolve("model.safetensors");
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            SafeTensors.write(file, mixedTypes(manager), Map.of("format", "pt"));
        }
        byte[] bytes = Files.readAllBytes(file);
        long headerLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8);
        String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        assertTrue(header.startsWith("{\"__metadata__\":{\"format\":\"pt\"},\"i64\":{\"dtype\":\"I64\",\"shape\":[3],"
                + "\"data_offsets\":[0,24]}"), header);
        List<String> names = new ArrayList<>();
        long end = 0;
        for (Map.Entry<String, JsonNode> field : JSON.readTree(header).properties()) {
            if (!field.getKey().equals("__metadata__")) {
                names.add(field.getKey());
                assertEquals(end, field.getValue().get("data_offsets").get(0).asLong(), field.getKey());
                end = field.getValue().get("data_offsets").get(1).asLong();
            }
        }
        assertEquals(List.of("i64", "f64", "empty", "f32", "scalar", "i32", "i8", "u8", "bool"), names);
        assertEquals(bytes.length - 8 - headerLength, end);
    }

    @Test
    void rewritesFixtureWithIdenticalHeaderAndData() throws IOException {
        Path original = SharedPaths.requireFixtures("torchvision-vit").resolve("weights.safetensors");
        Path copy = tmp.resolve("copy.safetensors");
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            SafeTensors.write(copy, SafeTensors.read(original, manager), SafeTensors.readMetadata(original));
        }
        byte[] expected = Files.readAllBytes(original);
        byte[] actual = Files.readAllBytes(copy);
        assertEquals(expected.length, actual.length);
        int dataStart = 8 + (int) ByteBuffer.wrap(expected).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(JSON.readTree(Arrays.copyOfRange(expected, 8, dataStart)),
                JSON.readTree(Arrays.copyOfRange(actual, 8, dataStart)));
        assertArrayEquals(Arrays.copyOfRange(expected, dataStart, expected.length),
                Arrays.copyOfRange(actual, dataStart, actual.length));
    }

    @Test
    void truncatedFileIsReportedWithItsName() throws IOException {
        byte[] bytes = Files.readAllBytes(SharedPaths.requireFixtures("open-clip").resolve("weights.safetensors"));
        Path truncated = Files.write(tmp.resolve("truncated.safetensors"), Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(failure(truncated).contains("beyond the"));
    }

    @Test
    void headerLengthBeyondTheFileIsReported() throws IOException {
        byte[] bytes = Files.readAllBytes(SharedPaths.requireFixtures("open-clip").resolve("weights.safetensors"));
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, bytes.length);
        assertTrue(failure(Files.write(tmp.resolve("lying.safetensors"), bytes)).contains("exceeds the file size"));
    }

    @Test
    void overlappingTensorsAreReported() throws IOException {
        Path file = raw("overlap.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", new byte[12]);
        assertTrue(failure(file).contains("tensors 'a' and 'b' overlap"));
    }

    @Test
    void shapeThatDisagreesWithTheByteLengthIsReported() throws IOException {
        Path file = raw("shape.safetensors",
                "{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8]);
        assertTrue(failure(file).contains("tensor 'w' of shape [3] and dtype F32 needs 12 bytes"));
    }

    private static StateDict mixedTypes(NDManager manager) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        arrays.put("f32", manager.create(new float[] {1.5f, -0f, Float.NaN, Float.MIN_VALUE, Float.MAX_VALUE,
                Float.NEGATIVE_INFINITY}, new Shape(2, 3)));
        arrays.put("f64", manager.create(new double[] {Math.PI, -1e300}));
        arrays.put("i64", manager.create(new long[] {Long.MIN_VALUE, -1, Long.MAX_VALUE}));
        arrays.put("i32", manager.create(new int[] {Integer.MIN_VALUE, 7}));
        arrays.put("i8", manager.create(new byte[] {-128, 127}));
        arrays.put("u8", manager.create(ByteBuffer.allocateDirect(2).put((byte) 255).put((byte) 1).flip(),
                new Shape(2), DataType.UINT8));
        arrays.put("bool", manager.create(new boolean[] {true, false}));
        arrays.put("scalar", manager.create(2.5f));
        arrays.put("empty", manager.zeros(new Shape(0, 3)));
        return StateDict.of(arrays);
    }

    private Path raw(String name, String header, byte[] data) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer file = ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(json.length).put(json).put(data);
        return Files.write(tmp.resolve(name), file.array());
    }

    private static String failure(Path file) {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> SafeTensors.read(file, manager));
            assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
            return e.getMessage();
        }
    }

    private static List<String> list(Path dir) {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
