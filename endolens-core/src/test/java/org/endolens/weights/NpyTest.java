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
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.endolens.DataFormatException;
import org.endolens.testing.SharedPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpyTest {
    @TempDir
    Path tmp;

    @Test
    void readsFixtureTokensScalarsAndImages() {
        Path dir = SharedPaths.requireFixtures("open-clip");
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray tokens = Npy.read(dir.resolve("tokens.npy"), manager);
            assertEquals(DataType.INT64, tokens.getDataType());
            assertEquals(new Shape(3, 16), tokens.getShape());
            long[] ids = tokens.toLongArray();
            assertEquals(98, ids[0]);
            assertArrayEquals(new long[] {4, 15, 9}, tokens.argMax(1).toLongArray());

            NDArray logitScale = Npy.read(dir.resolve("logit_scale.npy"), manager);
            assertEquals(new Shape(), logitScale.getShape());
            assertEquals(DataType.FLOAT32, logitScale.getDataType());
            assertEquals(1, logitScale.toFloatArray().length);

            assertEquals(new Shape(2, 3, 32, 32), Npy.read(dir.resolve("input.npy"), manager).getShape());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"torchvision-vit", "open-clip", "endofm-timesformer"})
    void rewritesFixtureArraysByteForByte(String fixture) throws IOException {
        Path dir = SharedPaths.requireFixtures(fixture);
        List<Path> arrays;
        try (Stream<Path> files = Files.list(dir)) {
            arrays = files.filter(p -> p.toString().endsWith(".npy")).sorted().toList();
        }
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            for (Path original : arrays) {
                Path copy = tmp.resolve(original.getFileName());
                Npy.write(copy, Npy.read(original, manager));
                assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(copy), original.toString());
            }
        }
    }

    @Test
    void roundTripIsBitExactForFloatsLongsScalarsAndBooleans() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            List<NDArray> arrays = List.of(
                    manager.create(new float[] {1.5f, -0f, Float.NaN, Float.MIN_VALUE, 7, 8}, new Shape(2, 3)),
                    manager.create(new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE}),
                    manager.create(-3.25f),
                    manager.create(new double[] {Math.E}),
                    manager.create(new boolean[] {true, false, true}));
            for (int i = 0; i < arrays.size(); i++) {
                Path file = tmp.resolve(i + ".npy");
                Npy.write(file, arrays.get(i));
                assertBitExact(arrays.get(i), Npy.read(file, manager), file.toString());
            }
            assertEquals(5, tmp.toFile().list().length);
        }
    }

    @Test
    void readsBigEndianVersion2() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putFloat(1.5f).putFloat(-2f);
        Path file = raw("big.npy", 2, "{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }", data.array());
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            assertArrayEquals(new float[] {1.5f, -2f}, Npy.read(file, manager).toFloatArray());
        }
    }

    @Test
    void refusesFortranOrder() throws IOException {
        Path file = raw("fortran.npy", 1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", new byte[16]);
        assertTrue(failure(file).contains("Fortran-order arrays are not supported"));
    }

    @Test
    void truncatedDataIsReported() throws IOException {
        Path file = raw("short.npy", 1, "{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }", new byte[16]);
        assertTrue(failure(file).contains("truncated: shape (3) of <i8 needs 24 data bytes, found 16"));
    }

    private Path raw(String name, int major, String header, byte[] data) throws IOException {
        byte[] text = (header + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer file = ByteBuffer.allocate(12 + text.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            file.putShort((short) text.length);
        } else {
            file.putInt(text.length);
        }
        file.put(text).put(data);
        return Files.write(tmp.resolve(name), Arrays.copyOf(file.array(), file.position()));
    }

    private static String failure(Path file) {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> Npy.read(file, manager));
            assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
            return e.getMessage();
        }
    }
}
