package org.endolens.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.endolens.DataFormatException;

/**
 * Reads and writes NumPy {@code .npy} arrays, the format EndoLens uses for embeddings and predictions. Reads format
 * versions 1.0 to 3.0 in C order, either byte order, float16 widened to float32; writes version 1.0 exactly as NumPy
 * does, atomically.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=]?)([^']*)'");
    private static final Pattern FORTRAN_ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([\\d,\\s]*)\\)");
    // NumPy aligns the data to 64 bytes and leaves room for the first axis to grow to 21 digits in place.
    private static final int ALIGNMENT = 64;
    private static final int GROWTH_AXIS_DIGITS = 21;

    private Npy() {}

    /** Reads an array into {@code manager}; a 0-d file gives a 0-d array (shape {@code ()}). */
    public static NDArray read(Path file, NDManager manager) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(manager, "manager");
        try (FileChannel channel = FileAccess.openForRead(file)) {
            long fileSize = channel.size();
            if (fileSize < 12) {
                throw invalid(file, "file is " + fileSize + " bytes, too short for a .npy header");
            }
            ByteBuffer prefix = FileAccess.read(channel, 0, 12);
            for (int i = 0; i < MAGIC.length; i++) {
                if (prefix.get(i) != MAGIC[i]) {
                    throw invalid(file, "not a .npy file (no \\x93NUMPY magic)");
                }
            }
            int major = prefix.get(6);
            long headerLength;
            int headerStart;
            if (major == 1) {
                headerLength = prefix.getShort(8) & 0xffff;
                headerStart = 10;
            } else if (major == 2 || major == 3) {
                headerLength = prefix.getInt(8) & 0xffffffffL;
                headerStart = 12;
            } else {
                throw invalid(file, "unsupported .npy format version " + major + "." + prefix.get(7));
            }
            if (headerStart + headerLength > fileSize) {
                throw invalid(file, "header of " + headerLength + " bytes runs past the end of the file (truncated)");
            }
            ByteBuffer headerBytes = FileAccess.read(channel, headerStart, headerLength);
            Charset charset = major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
            String header = charset.decode(headerBytes).toString();

            Matcher descr = find(file, DESCR, header, "descr");
            String dtype = descr.group(1) + descr.group(2);
            ElementType type = ElementType.ofNumpy(descr.group(2))
                    .orElseThrow(() -> invalid(file, "unsupported dtype '" + dtype
                            + "' (supported: <f8, <f4, <f2, <i8, <i4, |i1, |u1, |b1, either byte order)"));
            if (find(file, FORTRAN_ORDER, header, "fortran_order").group(1).equals("True")) {
                throw invalid(file, "Fortran-order arrays are not supported; save with np.ascontiguousarray(a)");
            }
            Shape shape = parseShape(file, find(file, SHAPE, header, "shape").group(1));

            long dataStart = headerStart + headerLength;
            long dataBytes = Math.multiplyExact(shape.size(), type.size());
            if (dataBytes > Integer.MAX_VALUE) {
                throw invalid(file, "array of " + dataBytes + " bytes exceeds the 2 GiB a single array may hold");
            }
            if (fileSize - dataStart < dataBytes) {
                throw invalid(file, "truncated: shape " + shape + " of " + dtype + " needs " + dataBytes
                        + " data bytes, found " + (fileSize - dataStart));
            }
            ByteBuffer data = FileAccess.read(channel, dataStart, dataBytes);
            if (descr.group(1).equals(">")) {
                swapBytes(data, type.size());
            }
            return type.toArray(manager, data, shape);
        } catch (IOException e) {
            throw FileAccess.readFailure(file, e);
        }
    }

    /** Writes {@code array} as NumPy format 1.0, replacing {@code file} atomically. */
    public static void write(Path file, NDArray array) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(array, "array");
        ElementType type = ElementType.of(array.getDataType())
                .filter(t -> t.numpyCode() != null)
                .orElseThrow(() -> invalid(file, "cannot write " + array.getDataType()
                        + " arrays as .npy (NumPy has no such dtype); convert with array.toType(...)"));
        long[] dims = array.getShape().getShape();
        String shape = dims.length == 1
                ? "(" + dims[0] + ",)"
                : Arrays.stream(dims).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
        StringBuilder header = new StringBuilder()
                .append("{'descr': '").append(type.size() == 1 ? '|' : '<').append(type.numpyCode())
                .append("', 'fortran_order': False, 'shape': ").append(shape).append(", }");
        if (dims.length > 0) {
            header.append(" ".repeat(Math.max(0, GROWTH_AXIS_DIGITS - Long.toString(dims[0]).length())));
        }
        int unpadded = MAGIC.length + 4 + header.length() + 1;
        header.append(" ".repeat(ALIGNMENT - unpadded % ALIGNMENT)).append('\n');
        byte[] headerBytes = header.toString().getBytes(StandardCharsets.ISO_8859_1);

        ByteBuffer prefix = ByteBuffer.allocate(MAGIC.length + 4).order(ByteOrder.LITTLE_ENDIAN)
                .put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) headerBytes.length).flip();
        ByteBuffer data = array.toByteBuffer();
        FileAccess.writeAtomically(file, channel -> {
            FileAccess.writeFully(channel, prefix);
            FileAccess.writeFully(channel, ByteBuffer.wrap(headerBytes));
            FileAccess.writeFully(channel, data);
        });
    }

    private static Matcher find(Path file, Pattern pattern, String header, String key) {
        Matcher matcher = pattern.matcher(header);
        if (!matcher.find()) {
            throw invalid(file, "header has no readable '" + key + "' entry: " + header.strip());
        }
        return matcher;
    }

    private static Shape parseShape(Path file, String tuple) {
        try {
            return new Shape(Arrays.stream(tuple.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .mapToLong(Long::parseLong).toArray());
        } catch (NumberFormatException e) {
            throw invalid(file, "malformed shape (" + tuple + ")");
        }
    }

    private static void swapBytes(ByteBuffer data, int size) {
        for (int element = 0; element < data.limit(); element += size) {
            for (int i = 0, j = size - 1; i < j; i++, j--) {
                byte b = data.get(element + i);
                data.put(element + i, data.get(element + j));
                data.put(element + j, b);
            }
        }
    }

    private static DataFormatException invalid(Path file, String problem) {
        return new DataFormatException(file + ": " + problem);
    }
}
