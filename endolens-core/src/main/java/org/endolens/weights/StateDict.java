package org.endolens.weights;

import ai.djl.ndarray.NDArray;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.endolens.CheckpointException;

/**
 * Named tensors in file order, remembering the file they came from so that a missing key names it. The arrays belong
 * to the {@code NDManager} they were created in: this map neither owns nor closes them.
 */
public final class StateDict {
    private final String source;
    private final Map<String, NDArray> tensors = new LinkedHashMap<>();

    /** An empty state dict; {@code source} (usually a file path) is quoted in error messages. */
    public StateDict(String source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** A state dict holding {@code tensors} in their iteration order. */
    public static StateDict of(Map<String, NDArray> tensors) {
        StateDict dict = new StateDict("in-memory state dict");
        tensors.forEach(dict::put);
        return dict;
    }

    /** Where the tensors came from, as quoted in error messages. */
    public String source() {
        return source;
    }

    /** Adds or replaces a tensor, keeping the position of a replaced one. */
    public void put(String name, NDArray array) {
        tensors.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(array, () -> "array for " + name));
    }

    /**
     * The tensor called {@code name}.
     *
     * @throws CheckpointException if there is none; the message names the source and keys that differ only by a
     *     prefix, the usual reason for a miss
     */
    public NDArray get(String name) {
        NDArray array = tensors.get(name);
        if (array == null) {
            String similar = tensors.keySet().stream()
                    .filter(key -> key.endsWith("." + name) || name.endsWith("." + key))
                    .limit(3)
                    .map(key -> "'" + key + "'")
                    .collect(Collectors.joining(", "));
            throw new CheckpointException(source + ": no tensor '" + name + "' among " + tensors.size() + " tensors"
                    + (similar.isEmpty() ? "" : "; similar: " + similar));
        }
        return array;
    }

    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    /** Removes and returns the tensor called {@code name}, or returns null if there is none. */
    public NDArray remove(String name) {
        return tensors.remove(name);
    }

    /** The tensor names in order (a read-only view). */
    public Set<String> keys() {
        return Collections.unmodifiableSet(tensors.keySet());
    }

    public int size() {
        return tensors.size();
    }

    /** Names and tensors in order (a read-only view). */
    public Set<Map.Entry<String, NDArray>> entries() {
        return Collections.unmodifiableMap(tensors).entrySet();
    }

    /**
     * A state dict over the same arrays with {@code prefix} removed from every key that starts with it; other keys
     * are kept as they are.
     *
     * @throws CheckpointException if stripping makes two keys equal
     */
    public StateDict withoutPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        StateDict stripped = new StateDict(source);
        for (Map.Entry<String, NDArray> entry : tensors.entrySet()) {
            String key = entry.getKey();
            String name = key.startsWith(prefix) ? key.substring(prefix.length()) : key;
            if (stripped.contains(name)) {
                throw new CheckpointException(source + ": removing prefix '" + prefix + "' from '" + key
                        + "' collides with another tensor called '" + name + "'");
            }
            stripped.put(name, entry.getValue());
        }
        return stripped;
    }

    @Override
    public String toString() {
        return "StateDict(" + source + ", " + tensors.size() + " tensors)";
    }
}
