package org.endolens.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;
import net.razorvine.pickle.objects.ClassDict;
import org.endolens.CheckpointException;
import org.endolens.DataFormatException;

/**
 * Reads the state dict of a PyTorch checkpoint written by {@code torch.save} (the zip format of PyTorch 1.6 and
 * later) without Python: Pyrolite interprets {@code data.pkl} and tensors are rebuilt from the raw storages beside
 * it. Only the chosen state dict's tensors are loaded; optimizer state, arguments and other pickled objects are
 * skipped. Half-precision tensors are widened to float32.
 */
public final class TorchCheckpoint {
    /** Entries that training scripts wrap weights in, tried in this order before the top level itself. */
    private static final List<String> WRAPPERS =
            List.of("state_dict", "model", "model_state", "teacher", "student", "module");
    private static final String DATA_PARALLEL_PREFIX = "module.";
    private static final Map<String, ElementType> STORAGE_TYPES = Map.of(
            "torch.DoubleStorage", ElementType.F64,
            "torch.FloatStorage", ElementType.F32,
            "torch.HalfStorage", ElementType.F16,
            "torch.BFloat16Storage", ElementType.BF16,
            "torch.LongStorage", ElementType.I64,
            "torch.IntStorage", ElementType.I32,
            "torch.CharStorage", ElementType.I8,
            "torch.ByteStorage", ElementType.U8,
            "torch.BoolStorage", ElementType.BOOL);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte PICKLE_PROTO = (byte) 0x80;

    private final Path file;
    private final ZipFile zip;
    private final String folder;
    private final Map<String, Storage> storages = new HashMap<>();

    private TorchCheckpoint(Path file, ZipFile zip, String folder) {
        this.file = file;
        this.zip = zip;
        this.folder = folder;
    }

    /**
     * Reads the checkpoint's state dict: the first of {@code state_dict}, {@code model}, {@code model_state},
     * {@code teacher}, {@code student}, {@code module} that holds tensors, else the top-level dict. A
     * {@code module.} prefix on every key (DataParallel) is removed.
     */
    public static StateDict read(Path file, NDManager manager) {
        return load(file, manager, null);
    }

    /** Reads the state dict stored under the top-level key {@code entry}, e.g. {@code teacher} in DINO. */
    public static StateDict read(Path file, NDManager manager, String entry) {
        return load(file, manager, Objects.requireNonNull(entry, "entry"));
    }

    private static StateDict load(Path file, NDManager manager, String entry) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(manager, "manager");
        requireZip(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            TorchCheckpoint checkpoint = new TorchCheckpoint(file, zip, folder(file, zip));
            return checkpoint.materialise(select(file, checkpoint.unpickle(), entry), manager);
        } catch (ZipException e) {
            throw notACheckpoint(file, "corrupt or truncated zip: " + e.getMessage());
        } catch (IOException e) {
            throw FileAccess.readFailure(file, e);
        }
    }

    private static void requireZip(Path file) {
        byte[] head = FileAccess.head(file, 262);
        if (Arrays.equals(head, 0, Math.min(head.length, 4), ZIP_MAGIC, 0, 4)) {
            return;
        }
        boolean tar = head.length == 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        if (tar || (head.length > 0 && head[0] == PICKLE_PROTO)) {
            throw new DataFormatException(file + ": legacy PyTorch format (before 1.6); re-save with "
                    + "torch.save(..., _use_new_zipfile_serialization=True)");
        }
        throw notACheckpoint(file, "no zip signature");
    }

    /** The folder that holds {@code data.pkl}, with its trailing slash; torch.save names it after the file. */
    private static String folder(Path file, ZipFile zip) throws IOException {
        List<String> pickles = zip.stream().map(ZipEntry::getName)
                .filter(name -> name.endsWith("/data.pkl") && name.indexOf('/') == name.length() - 9)
                .collect(Collectors.toList());
        if (pickles.size() != 1) {
            throw notACheckpoint(file, pickles.isEmpty() ? "no <folder>/data.pkl entry" : "several data.pkl entries");
        }
        String folder = pickles.get(0).substring(0, pickles.get(0).length() - 8);
        ZipEntry byteOrder = zip.getEntry(folder + "byteorder");
        if (byteOrder != null) {
            try (InputStream in = zip.getInputStream(byteOrder)) {
                String order = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
                if (!order.equals("little")) {
                    throw new DataFormatException(file + ": storages are " + order + "-endian; re-save the "
                            + "checkpoint on a little-endian machine");
                }
            }
        }
        return folder;
    }

    private Object unpickle() throws IOException {
        ZipEntry entry = zip.getEntry(folder + "data.pkl");
        ByteBuffer buffer = readEntry(entry);
        byte[] pickle = new byte[buffer.remaining()];
        buffer.get(pickle);
        try {
            return new TorchUnpickler().loads(pickle);
        } catch (IOException | RuntimeException e) {
            // Pyrolite reports a malformed pickle as PickleException, IOException or ClassCastException alike.
            throw new DataFormatException(file + ": cannot unpickle " + entry.getName() + " (" + e + ")", e);
        }
    }

    private static Map<?, ?> select(Path file, Object root, String entry) {
        if (!(root instanceof Map<?, ?> top)) {
            throw new CheckpointException(file + ": the checkpoint holds " + describe(root) + ", not a dict");
        }
        if (entry != null) {
            if (top.get(entry) instanceof Map<?, ?> dict && holdsTensors(dict)) {
                return dict;
            }
            throw new CheckpointException(file + ": no dict of tensors under '" + entry + "'; top-level keys: "
                    + top.keySet());
        }
        for (String wrapper : WRAPPERS) {
            if (top.get(wrapper) instanceof Map<?, ?> dict && holdsTensors(dict)) {
                return dict;
            }
        }
        if (holdsTensors(top)) {
            return top;
        }
        throw new CheckpointException(file + ": no state dict found; top-level keys: " + top.keySet()
                + "; name the entry that holds the weights");
    }

    private static boolean holdsTensors(Map<?, ?> dict) {
        return dict.values().stream().anyMatch(TensorView.class::isInstance);
    }

    private StateDict materialise(Map<?, ?> dict, NDManager manager) throws IOException {
        StateDict weights = new StateDict(file.toString());
        for (Map.Entry<?, ?> entry : dict.entrySet()) {
            if (entry.getKey() instanceof String name && entry.getValue() instanceof TensorView tensor) {
                weights.put(name, toArray(name, tensor, manager));
            } else if (entry.getValue() instanceof ClassDict object
                    && object.getClassName().startsWith("torch._utils._rebuild_")) {
                throw new CheckpointException(file + ": tensor '" + entry.getKey() + "' was saved by "
                        + object.getClassName() + "; only dense tensors can be read");
            }
        }
        boolean dataParallel = weights.keys().stream().allMatch(key -> key.startsWith(DATA_PARALLEL_PREFIX));
        return dataParallel ? weights.withoutPrefix(DATA_PARALLEL_PREFIX) : weights;
    }

    private NDArray toArray(String name, TensorView tensor, NDManager manager) throws IOException {
        Storage storage = tensor.storage();
        String where = file + ": tensor '" + name + "'";
        if (storage.type == null) {
            throw new CheckpointException(where + " is stored as " + storage.typeName + ", which cannot be read "
                    + "(supported: " + String.join(", ", new TreeSet<>(STORAGE_TYPES.keySet())) + ")");
        }
        long[] size = tensor.size();
        long[] stride = tensor.stride();
        long elements = 1;
        long last = tensor.offset(); // the highest storage element the view reaches
        boolean valid = size.length == stride.length && tensor.offset() >= 0;
        try {
            for (int d = 0; valid && d < size.length; d++) {
                valid = size[d] >= 0 && stride[d] >= 0;
                elements = Math.multiplyExact(elements, size[d]);
                last = Math.addExact(last, Math.multiplyExact(size[d] - 1, stride[d]));
            }
        } catch (ArithmeticException e) {
            valid = false;
        }
        if (!valid || (elements > 0 && last >= storage.elements)) {
            throw new DataFormatException(where + " (offset " + tensor.offset() + ", size " + Arrays.toString(size)
                    + ", stride " + Arrays.toString(stride) + ") does not fit its storage of " + storage.elements
                    + " elements; the checkpoint is corrupt");
        }
        int elementSize = storage.type.size();
        if (elements * elementSize > Integer.MAX_VALUE) {
            throw new CheckpointException(where + " is " + elements * elementSize
                    + " bytes; tensors over 2 GiB are not supported");
        }
        ByteBuffer data = elements == 0 ? ByteBuffer.allocateDirect(0) : view(tensor, elements, elementSize);
        return storage.type.toArray(manager, data, new Shape(size));
    }

    /** The tensor's elements in C order, in a buffer of its own. */
    private ByteBuffer view(TensorView tensor, long elements, int elementSize) throws IOException {
        Storage storage = tensor.storage();
        ByteBuffer source = bytes(storage);
        boolean contiguous = isContiguous(tensor.size(), tensor.stride());
        if (contiguous && storage.views == 1 && tensor.offset() == 0 && elements == storage.elements) {
            return source;
        }
        ByteBuffer target = ByteBuffer.allocateDirect((int) elements * elementSize).order(ByteOrder.LITTLE_ENDIAN);
        if (contiguous) {
            return target.put(source.slice((int) tensor.offset() * elementSize, target.capacity())).flip();
        }
        long[] size = tensor.size();
        long[] stride = tensor.stride();
        long[] index = new long[size.length];
        long position = tensor.offset();
        for (long i = 0; i < elements; i++) {
            for (int b = 0; b < elementSize; b++) {
                target.put(source.get((int) position * elementSize + b));
            }
            for (int d = size.length - 1; d >= 0; d--) {
                position += stride[d];
                if (++index[d] < size[d]) {
                    break;
                }
                position -= stride[d] * size[d];
                index[d] = 0;
            }
        }
        return target.flip();
    }

    private static boolean isContiguous(long[] size, long[] stride) {
        long expected = 1;
        for (int d = size.length - 1; d >= 0; d--) {
            if (size[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= size[d];
        }
        return true;
    }

    /** A storage's bytes, kept after the first read only when several tensors view it. */
    private ByteBuffer bytes(Storage storage) throws IOException {
        if (storage.bytes != null) {
            return storage.bytes;
        }
        String name = folder + "data/" + storage.key;
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new DataFormatException(file + ": storage entry " + name + " is missing; the checkpoint is "
                    + "incomplete, re-download or re-save it");
        }
        if (entry.getSize() != storage.elements * storage.type.size()) {
            throw new DataFormatException(file + ": storage entry " + name + " holds " + entry.getSize()
                    + " bytes but the pickle declares " + storage.elements + " elements of " + storage.typeName);
        }
        ByteBuffer bytes = readEntry(entry);
        if (storage.views > 1) {
            storage.bytes = bytes;
        }
        return bytes;
    }

    private ByteBuffer readEntry(ZipEntry entry) throws IOException {
        if (entry.getSize() < 0 || entry.getSize() > Integer.MAX_VALUE) {
            throw new CheckpointException(file + ": zip entry " + entry.getName() + " has size " + entry.getSize()
                    + "; entries must be known and under 2 GiB");
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect((int) entry.getSize()).order(ByteOrder.LITTLE_ENDIAN);
        try (ReadableByteChannel in = Channels.newChannel(zip.getInputStream(entry))) {
            FileAccess.fill(in, buffer);
        }
        CRC32 crc = new CRC32();
        crc.update(buffer.flip());
        if (buffer.limit() != entry.getSize() || (entry.getCrc() != -1 && crc.getValue() != entry.getCrc())) {
            throw notACheckpoint(file, "CRC mismatch in zip entry " + entry.getName());
        }
        return buffer.rewind();
    }

    private static DataFormatException notACheckpoint(Path file, String reason) {
        return new DataFormatException(file + ": not a PyTorch zip checkpoint (" + reason + "); re-download or "
                + "re-save the checkpoint with torch.save");
    }

    private static String describe(Object value) {
        return value == null ? "None" : "a " + (value instanceof Object[] ? "tuple" : value.getClass().getSimpleName());
    }

    /**
     * One {@code data/<key>} entry of the zip. {@code type} is null for storage classes EndoLens does not read,
     * which matters only if a chosen tensor uses one.
     */
    private static final class Storage {
        private final String key;
        private final String typeName;
        private final ElementType type;
        private final long elements;
        private int views;
        private ByteBuffer bytes;

        private Storage(String key, StorageClass storageClass, long elements) {
            this.key = key;
            this.typeName = storageClass.name();
            this.type = storageClass.type();
            this.elements = elements;
        }
    }

    /** A pickled reference to a storage class such as {@code torch.FloatStorage}; it is never called. */
    private record StorageClass(String name, ElementType type) implements IObjectConstructor {
        @Override
        public Object construct(Object[] args) {
            throw new PickleException(name + " cannot be constructed outside a persistent id");
        }
    }

    /** A tensor as pickled: a strided view of a storage, materialised only if it is in the chosen state dict. */
    private record TensorView(Storage storage, long offset, long[] size, long[] stride) {}

    /**
     * Pyrolite's unpickler with torch's globals and persistent storages, insertion-ordered dicts (Pyrolite's lose
     * the order of state dict keys) and lenient object state: unknown classes become empty {@code ClassDict}s, so
     * whatever a training script pickled beside the weights is read and then ignored.
     */
    private final class TorchUnpickler extends Unpickler {
        @Override
        protected Object dispatch(short opcode) throws IOException {
            switch (opcode) {
                case Opcodes.GLOBAL -> {
                    String module = PickleUtils.readline(input);
                    String name = PickleUtils.readline(input);
                    stack.add(resolve(module, name));
                }
                case Opcodes.STACK_GLOBAL -> {
                    String name = (String) stack.pop();
                    String module = (String) stack.pop();
                    stack.add(resolve(module, name));
                }
                case Opcodes.EMPTY_DICT -> stack.add(new LinkedHashMap<>());
                case Opcodes.DICT -> {
                    Map<Object, Object> dict = new LinkedHashMap<>();
                    putPairs(stack.pop_all_since_marker(), dict);
                    stack.add(dict);
                }
                case Opcodes.SETITEMS -> {
                    List<Object> pairs = stack.pop_all_since_marker();
                    putPairs(pairs, asMap(stack.peek()));
                }
                case Opcodes.BUILD -> {
                    // Attributes matter only on plain objects (argparse.Namespace); OrderedDict._metadata and
                    // tensor hooks do not change weights.
                    Object state = stack.pop();
                    if (stack.peek() instanceof ClassDict object && state instanceof Map<?, ?> attributes) {
                        attributes.forEach((key, value) -> object.put(String.valueOf(key), value));
                    }
                }
                default -> {
                    return super.dispatch(opcode);
                }
            }
            return NO_RETURN_VALUE;
        }

        @Override
        protected Object persistentLoad(Object pid) {
            if (!(pid instanceof Object[] id) || id.length != 5 || !"storage".equals(id[0])
                    || !(id[1] instanceof StorageClass storageClass) || !(id[4] instanceof Number elements)) {
                throw new PickleException("unexpected persistent id " + describe(pid));
            }
            return storages.computeIfAbsent(String.valueOf(id[2]),
                    key -> new Storage(key, storageClass, elements.longValue()));
        }

        private IObjectConstructor resolve(String module, String name) {
            String qualified = module + "." + name;
            switch (qualified) {
                case "torch._utils._rebuild_tensor", "torch._utils._rebuild_tensor_v2":
                    return this::rebuildTensor;
                case "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state",
                        "torch.nn.parameter.Parameter", "torch.Size":
                    return args -> {
                        if (args.length == 0) {
                            throw new PickleException(qualified + " called without arguments");
                        }
                        return args[0];
                    };
                case "collections.OrderedDict":
                    return args -> new LinkedHashMap<>();
                default:
                    if (module.startsWith("torch") && name.endsWith("Storage")) {
                        return new StorageClass(qualified, STORAGE_TYPES.get(qualified));
                    }
                    IObjectConstructor builtin = objectConstructors.get(qualified);
                    return builtin != null ? builtin : args -> new ClassDict(module, name);
            }
        }

        private Object rebuildTensor(Object[] args) {
            if (args.length < 4 || !(args[0] instanceof Storage storage)) {
                throw new PickleException("tensor rebuilt from " + describe(args.length == 0 ? null : args[0]));
            }
            storage.views++;
            return new TensorView(storage, ((Number) args[1]).longValue(), longs(args[2]), longs(args[3]));
        }

        private long[] longs(Object tuple) {
            return Arrays.stream((Object[]) tuple).mapToLong(n -> ((Number) n).longValue()).toArray();
        }

        @SuppressWarnings("unchecked")
        private Map<Object, Object> asMap(Object dict) {
            return (Map<Object, Object>) dict;
        }

        private void putPairs(List<Object> pairs, Map<Object, Object> dict) {
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                dict.put(pairs.get(i), pairs.get(i + 1));
            }
        }
    }
}
