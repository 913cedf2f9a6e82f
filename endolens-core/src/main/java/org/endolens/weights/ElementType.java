package org.endolens.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Element types the weight formats share, named as in safetensors and declared in its alignment order: its writer
 * puts larger types first so that every tensor starts aligned to its element size, and {@link SafeTensors} does
 * the same. Half-precision types are widened to float32 when read.
 */
enum ElementType {
    BOOL(1, DataType.BOOLEAN, "b1"),
    U8(1, DataType.UINT8, "u1"),
    I8(1, DataType.INT8, "i1"),
    F16(2, DataType.FLOAT16, "f2"),
    BF16(2, DataType.BFLOAT16, null),
    I32(4, DataType.INT32, "i4"),
    F32(4, DataType.FLOAT32, "f4"),
    F64(8, DataType.FLOAT64, "f8"),
    I64(8, DataType.INT64, "i8");

    static final String SUPPORTED = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

    private final int size;
    private final DataType dataType;
    private final String numpyCode;

    ElementType(int size, DataType dataType, String numpyCode) {
        this.size = size;
        this.dataType = dataType;
        this.numpyCode = numpyCode;
    }

    /** Bytes per element. */
    int size() {
        return size;
    }

    /** The NumPy type code without its byte-order character ({@code f4}), or null where NumPy has none. */
    String numpyCode() {
        return numpyCode;
    }

    static Optional<ElementType> of(DataType dataType) {
        return Arrays.stream(values()).filter(t -> t.dataType == dataType).findFirst();
    }

    static Optional<ElementType> named(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }

    static Optional<ElementType> ofNumpy(String code) {
        return Arrays.stream(values()).filter(t -> code.equals(t.numpyCode)).findFirst();
    }

    /**
     * Creates an array from little-endian element bytes. The buffer must be a direct buffer used by nothing else:
     * the engine may keep it as the array's memory rather than copy it.
     */
    NDArray toArray(NDManager manager, ByteBuffer data, Shape shape) {
        data.rewind();
        if (this == F16 || this == BF16) {
            return manager.create(widen(data), shape, DataType.FLOAT32);
        }
        return manager.create(data, shape, dataType);
    }

    private ByteBuffer widen(ByteBuffer data) {
        ByteBuffer halves = data.order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer floats = ByteBuffer.allocateDirect(halves.remaining() * 2).order(ByteOrder.LITTLE_ENDIAN);
        while (halves.hasRemaining()) {
            short bits = halves.getShort();
            floats.putFloat(this == BF16 ? Float.intBitsToFloat((bits & 0xffff) << 16) : halfToFloat(bits));
        }
        return floats.flip();
    }

    // Exact IEEE 754 binary16 -> binary32; Float.float16ToFloat only arrives in Java 20.
    private static float halfToFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float subnormal = mantissa * 0x1p-24f;
            return sign == 0 ? subnormal : -subnormal;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
