package org.endolens.data.loader;

import org.endolens.data.transform.FloatTensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch stacked in native memory by a loader thread, waiting for its consumer. Each buffer is fresh and handed to
 * exactly one NDArray, which on the PyTorch engine wraps it without copying and keeps it alive.
 */
final class HostBatch {
    static final String LABEL = "label";
    static final String GROUP = "group";
    static final HostBatch EMPTY = new HostBatch(0, List.of(), List.of(), List.of(), null, null);

    private final int size;
    private final List<String> names;
    private final List<long[]> shapes;
    private final List<ByteBuffer> tensors;
    private final ByteBuffer labels;
    private final ByteBuffer groups;

    private HostBatch(int size, List<String> names, List<long[]> shapes, List<ByteBuffer> tensors, ByteBuffer labels,
            ByteBuffer groups) {
        this.size = size;
        this.names = names;
        this.shapes = shapes;
        this.tensors = tensors;
        this.labels = labels;
        this.groups = groups;
    }

    /** Stacks the examples that loaded (null slots were bad inputs, already reported); group slots renumbered 0, 1, ... */
    static HostBatch stack(BatchPlan plan, Example[] examples) {
        List<Example> present = new ArrayList<>(examples.length);
        List<Integer> slots = new ArrayList<>(examples.length);
        for (int i = 0; i < examples.length; i++) {
            if (examples[i] != null) {
                present.add(examples[i]);
                slots.add(plan.groups() == null ? -1 : plan.groups()[i]);
            }
        }
        if (present.isEmpty()) {
            return EMPTY;
        }
        int size = present.size();
        List<FloatTensor> first = present.get(0).tensors();
        List<String> names = new ArrayList<>(first.size());
        List<long[]> shapes = new ArrayList<>(first.size());
        List<ByteBuffer> tensors = new ArrayList<>(first.size());
        for (int k = 0; k < first.size(); k++) {
            FloatTensor reference = first.get(k);
            ByteBuffer buffer = allocate((long) size * reference.data().length * Float.BYTES);
            FloatBuffer floats = buffer.asFloatBuffer();
            for (Example example : present) {
                List<FloatTensor> own = example.tensors();
                if (own.size() != first.size() || !own.get(k).stacksWith(reference)) {
                    throw new IllegalStateException("examples of one batch must have the same tensors to stack, got " + first
                            + " and " + own);
                }
                floats.put(own.get(k).data());
            }
            names.add(reference.name());
            long[] shape = new long[reference.shape().length + 1];
            shape[0] = size;
            System.arraycopy(reference.shape(), 0, shape, 1, shape.length - 1);
            shapes.add(shape);
            tensors.add(buffer);
        }
        ByteBuffer labels = allocate((long) size * Long.BYTES);
        LongBuffer labelValues = labels.asLongBuffer();
        present.forEach(example -> labelValues.put(example.label()));
        ByteBuffer groups = null;
        if (plan.groups() != null) {
            groups = allocate((long) size * Long.BYTES);
            LongBuffer groupValues = groups.asLongBuffer();
            Map<Integer, Long> renumbered = new LinkedHashMap<>();
            for (int slot : slots) {
                groupValues.put(renumbered.computeIfAbsent(slot, s -> (long) renumbered.size()));
            }
        }
        return new HostBatch(size, List.copyOf(names), List.copyOf(shapes), List.copyOf(tensors), labels, groups);
    }

    int size() {
        return size;
    }

    /**
     * The batch as NDArrays on {@code manager}: each tensor (B, ...) float32 under its name, then {@code label} (B)
     * int64, then for per-patient batches {@code group} (B) int64. Call once.
     */
    NDList toNDList(NDManager manager) {
        NDList list = new NDList(tensors.size() + 2);
        for (int k = 0; k < tensors.size(); k++) {
            list.add(named(manager.create(tensors.get(k), new Shape(shapes.get(k)), DataType.FLOAT32), names.get(k)));
        }
        list.add(named(manager.create(labels, new Shape(size), DataType.INT64), LABEL));
        if (groups != null) {
            list.add(named(manager.create(groups, new Shape(size), DataType.INT64), GROUP));
        }
        return list;
    }

    private static NDArray named(NDArray array, String name) {
        array.setName(name);
        return array;
    }

    private static ByteBuffer allocate(long bytes) {
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalStateException("a batch tensor of " + bytes + " bytes exceeds 2 GiB; use smaller batches");
        }
        return ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.nativeOrder());
    }
}
