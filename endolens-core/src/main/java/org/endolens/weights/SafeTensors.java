package org.endolens.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.endolens.DataFormatException;

/**
 * Reads and writes safetensors files (Hugging Face's format: an 8-byte little-endian header length, a JSON header
 * of dtype, shape and data offsets per tensor, then the raw little-endian data). Tensor names are kept exactly;
 * F16 and BF16 tensors are widened to float32 on read. Writes match the Python library's layout and are atomic.
 */
public final class SafeTensors {
    private static final String METADATA = "__metadata__";
    // The reference implementation refuses larger headers; so do we, rather than allocate whatever a corrupt
    // length asks for.
    private static final long MAX_HEADER_BYTES = 100_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SafeTensors() {}

    /** Reads every tensor into {@code manager}, in header order. */
    public static StateDict read(Path file, NDManager manager) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(manager, "manager");
        try (FileChannel channel = FileAccess.openForRead(file)) {
            Header header = readHeader(file, channel);
            StateDict tensors = new StateDict(file.toString());
            for (TensorInfo info : header.tensors()) {
                long position = header.dataStart() + info.begin();
                ByteBuffer data = FileAccess.read(channel, position, info.end() - info.begin());
                tensors.put(info.name(), info.type().toArray(manager, data, info.shape()));
            }
            return tensors;
        } catch (IOException e) {
            throw FileAccess.readFailure(file, e);
        }
    }

    /** The header's {@code __metadata__} strings (empty when there are none), without reading any tensor. */
    public static Map<String, String> readMetadata(Path file) {
        Objects.requireNonNull(file, "file");
        try (FileChannel channel = FileAccess.openForRead(file)) {
            return readHeader(file, channel).metadata();
        } catch (IOException e) {
            throw FileAccess.readFailure(file, e);
        }
    }

    /**
     * Writes {@code tensors} with {@code metadata} as the header's {@code __metadata__}, replacing {@code file}
     * atomically. Like the Python library, tensors are laid out by descending element size, then by name, so each
     * starts aligned to its element size.
     */
    public static void write(Path file, StateDict tensors, Map<String, String> metadata) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(tensors, "tensors");
        Objects.requireNonNull(metadata, "metadata");
        if (tensors.contains(METADATA)) {
            throw invalid(file, "a tensor cannot be called " + METADATA + ", the header's metadata key");
        }
        List<Pending> ordered = new ArrayList<>();
        for (Map.Entry<String, NDArray> entry : tensors.entries()) {
            DataType dataType = entry.getValue().getDataType();
            ordered.add(new Pending(entry.getKey(), entry.getValue(), ElementType.of(dataType).orElseThrow(() ->
                    invalid(file, "cannot write tensor '" + entry.getKey() + "' of type " + dataType + " (supported: "
                            + ElementType.SUPPORTED + ")"))));
        }
        ordered.sort(Comparator.comparing(Pending::type).reversed().thenComparing(Pending::name));

        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode strings = header.putObject(METADATA);
            metadata.forEach(strings::put);
        }
        long offset = 0;
        for (Pending tensor : ordered) {
            long length = tensor.array().getShape().size() * tensor.type().size();
            ObjectNode info = header.putObject(tensor.name());
            info.put("dtype", tensor.type().name());
            ArrayNode shape = info.putArray("shape");
            Arrays.stream(tensor.array().getShape().getShape()).forEach(shape::add);
            info.putArray("data_offsets").add(offset).add(offset + length);
            offset += length;
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padding = (8 - json.length % 8) % 8;
        ByteBuffer prefix = ByteBuffer.allocate(8 + json.length + padding).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(json.length + padding).put(json);
        while (prefix.hasRemaining()) {
            prefix.put((byte) ' ');
        }
        FileAccess.writeAtomically(file, channel -> {
            FileAccess.writeFully(channel, prefix.flip());
            for (Pending tensor : ordered) {
                FileAccess.writeFully(channel, tensor.array().toByteBuffer());
            }
        });
    }

    private record Pending(String name, NDArray array, ElementType type) {}

    private record TensorInfo(String name, ElementType type, Shape shape, long begin, long end) {
        String offsets() {
            return "[" + begin + ", " + end + "]";
        }
    }

    private record Header(Map<String, String> metadata, List<TensorInfo> tensors, long dataStart) {}

    private static Header readHeader(Path file, FileChannel channel) throws IOException {
        long fileSize = channel.size();
        if (fileSize < 8) {
            throw invalid(file, "file is " + fileSize + " bytes, shorter than the 8-byte header length");
        }
        long headerLength = FileAccess.read(channel, 0, 8).getLong();
        if (headerLength < 0 || headerLength > fileSize - 8) {
            throw invalid(file, "header length " + Long.toUnsignedString(headerLength) + " exceeds the file size "
                    + fileSize + "; the file is truncated or not safetensors");
        }
        if (headerLength > MAX_HEADER_BYTES) {
            throw invalid(file, "header length " + headerLength + " exceeds the " + MAX_HEADER_BYTES + "-byte limit");
        }
        JsonNode root;
        try {
            root = JSON.readTree(toArray(FileAccess.read(channel, 8, headerLength)));
        } catch (JsonProcessingException e) {
            throw invalid(file, "header is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw invalid(file, "header is not a JSON object");
        }
        long dataLength = fileSize - 8 - headerLength;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<TensorInfo> tensors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (field.getKey().equals(METADATA)) {
                readMetadata(file, field.getValue(), metadata);
            } else {
                tensors.add(readInfo(file, field.getKey(), field.getValue(), dataLength));
            }
        }
        List<TensorInfo> byOffset = new ArrayList<>(tensors);
        byOffset.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
        for (int i = 1; i < byOffset.size(); i++) {
            TensorInfo previous = byOffset.get(i - 1);
            TensorInfo next = byOffset.get(i);
            if (next.begin() < previous.end()) {
                throw invalid(file, "tensors '" + previous.name() + "' and '" + next.name() + "' overlap (data_offsets "
                        + previous.offsets() + " and " + next.offsets() + ")");
            }
        }
        return new Header(Collections.unmodifiableMap(metadata), tensors, 8 + headerLength);
    }

    private static void readMetadata(Path file, JsonNode node, Map<String, String> metadata) {
        if (!node.isObject()) {
            throw invalid(file, METADATA + " is not a JSON object");
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                throw invalid(file, METADATA + " value for '" + entry.getKey() + "' is not a string");
            }
            metadata.put(entry.getKey(), entry.getValue().asText());
        }
    }

    private static TensorInfo readInfo(Path file, String name, JsonNode node, long dataLength) {
        String where = "tensor '" + name + "'";
        JsonNode dtype = node.path("dtype");
        ElementType type = ElementType.named(dtype.asText()).orElseThrow(() -> invalid(file, where + " has dtype "
                + dtype + " (supported: " + ElementType.SUPPORTED + ")"));
        long[] dims = naturals(file, where, "shape", node.path("shape"));
        long[] offsets = naturals(file, where, "data_offsets", node.path("data_offsets"));
        if (offsets.length != 2 || offsets[0] > offsets[1]) {
            throw invalid(file, where + " has data_offsets " + node.path("data_offsets") + "; expected [begin, end]");
        }
        long elements = 1;
        for (long dim : dims) {
            elements = multiply(file, where, elements, dim);
        }
        long bytes = multiply(file, where, elements, type.size());
        if (offsets[1] - offsets[0] != bytes) {
            throw invalid(file, where + " of shape " + Arrays.toString(dims) + " and dtype " + type + " needs " + bytes
                    + " bytes but its data_offsets " + Arrays.toString(offsets) + " span " + (offsets[1] - offsets[0]));
        }
        if (offsets[1] > dataLength) {
            throw invalid(file, where + " has data_offsets " + Arrays.toString(offsets) + " beyond the " + dataLength
                    + "-byte data section; the file is truncated or corrupt");
        }
        if (bytes > Integer.MAX_VALUE) {
            throw invalid(file, where + " is " + bytes + " bytes; tensors over 2 GiB are not supported");
        }
        return new TensorInfo(name, type, new Shape(dims), offsets[0], offsets[1]);
    }

    private static long[] naturals(Path file, String where, String key, JsonNode node) {
        if (!node.isArray()) {
            throw invalid(file, where + " has no " + key + " array");
        }
        long[] values = new long[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = node.get(i);
            if (!value.canConvertToExactIntegral() || !value.canConvertToLong() || value.asLong() < 0) {
                throw invalid(file, where + " has " + key + " " + node + "; expected non-negative integers");
            }
            values[i] = value.asLong();
        }
        return values;
    }

    private static long multiply(Path file, String where, long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw invalid(file, where + " has a shape whose byte size overflows 64 bits");
        }
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static DataFormatException invalid(Path file, String problem) {
        return new DataFormatException(file + ": " + problem);
    }
}
