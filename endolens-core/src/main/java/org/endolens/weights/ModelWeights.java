package org.endolens.weights;

import org.endolens.CheckpointException;
import org.endolens.nn.NamedBlock;
import org.endolens.nn.PositionEmbeddings;
import org.endolens.nn.Resample;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Copies tensors into a model's parameters by checkpoint path, and reads them back out. */
public final class ModelWeights {
    private static final int LIST_LIMIT = 12;

    private ModelWeights() {}

    /**
     * Loads {@code tensors} (EndoLens names) into {@code model}. Shape mismatches always fail; missing and unknown
     * keys fail when {@code strict}, and are reported otherwise. Position and time embeddings whose token count
     * differs are resampled with {@code resample} (as timm does when a model is built for another image size).
     * Messages and the report name keys as the checkpoint does, through {@code publicName}.
     */
    public static LoadReport load(NamedBlock model, Map<String, NDArray> tensors, boolean strict, Resample resample,
            String source, List<String> ignored, UnaryOperator<String> publicName) {
        Map<String, Parameter> params = model.stateParameters();
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        List<String> resampled = new ArrayList<>();
        for (String key : tensors.keySet()) {
            if (!params.containsKey(key)) {
                unexpected.add(publicName.apply(key));
            }
        }
        Map<Parameter, NDArray> assignments = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            String key = e.getKey();
            NDArray source0 = tensors.get(key);
            if (source0 == null) {
                missing.add(publicName.apply(key));
                continue;
            }
            Shape want = e.getValue().getArray().getShape();
            NDArray value = source0;
            if (!value.getShape().equals(want)) {
                value = resampleEmbedding(key, value, want, resample);
                if (value == null) {
                    mismatched.add(publicName.apply(key) + " " + source0.getShape() + " in the checkpoint, " + want + " in the model");
                    continue;
                }
                resampled.add(publicName.apply(key) + " " + source0.getShape() + " -> " + want);
            }
            assignments.put(e.getValue(), value);
        }
        if (!mismatched.isEmpty()) {
            throw new CheckpointException(source + ": shape mismatch for " + describe(mismatched)
                    + "; check --heads/--image-size/--frames or the preset");
        }
        if (strict && (!missing.isEmpty() || !unexpected.isEmpty())) {
            StringBuilder msg = new StringBuilder(source).append(':');
            if (!unexpected.isEmpty()) {
                msg.append(" unknown keys ").append(describe(unexpected)).append(';');
            }
            if (!missing.isEmpty()) {
                msg.append(" missing keys ").append(describe(missing)).append(';');
            }
            msg.append(" wrong --layout, or pass --strict false to load the rest");
            throw new CheckpointException(msg.toString());
        }
        assignments.forEach((param, value) -> {
            // Checkpoint tensors may borrow Java buffers that are freed with their NDArray, so the parameter takes
            // over a libtorch-owned clone (NDArray.copyTo would also do, but trips a libtorch deprecation warning).
            NDArray target = param.getArray();
            target.intern(ownedContiguousCopy(value.toDevice(target.getDevice(), false).toType(target.getDataType(), false)));
            if (param.requiresGradient()) {
                target.setRequiresGradient(true);
            }
        });
        return new LoadReport(List.copyOf(missing), List.copyOf(unexpected), List.copyOf(ignored), List.copyOf(resampled));
    }

    /**
     * A copy in row-major layout owned by libtorch. {@code duplicate()} alone keeps a transposed view's strides,
     * which changes GEMM summation order and so the last bits of every output.
     */
    private static NDArray ownedContiguousCopy(NDArray value) {
        return value.reshape(-1).duplicate().reshape(value.getShape());
    }

    private static NDArray resampleEmbedding(String key, NDArray value, Shape want, Resample resample) {
        Shape have = value.getShape();
        if (have.dimension() != 3 || want.dimension() != 3 || have.get(2) != want.get(2)) {
            return null;
        }
        if (key.endsWith("pos_embed")) {
            int grid = (int) Math.round(Math.sqrt(have.get(1) - 1));
            long target = Math.round(Math.sqrt(want.get(1) - 1));
            if ((long) grid * grid != have.get(1) - 1 || target * target != want.get(1) - 1) {
                return null;
            }
            return PositionEmbeddings.resample(value, grid, target, target, resample);
        }
        if (key.endsWith("time_embed")) {
            return PositionEmbeddings.resampleTime(value, want.get(1), Resample.NEAREST);
        }
        return null;
    }

    /** The model's parameters by checkpoint path (the parameter arrays themselves, not copies). */
    public static Map<String, NDArray> tensors(NamedBlock model) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        model.stateParameters().forEach((key, param) -> {
            NDArray array = param.getArray();
            if (array.getDataType() != DataType.FLOAT32) {
                throw new IllegalStateException("parameter " + key + " is " + array.getDataType() + ", expected float32");
            }
            out.put(key, array);
        });
        return out;
    }

    static String describe(List<String> keys) {
        if (keys.size() <= LIST_LIMIT) {
            return keys.toString();
        }
        return keys.subList(0, LIST_LIMIT) + " and " + (keys.size() - LIST_LIMIT) + " more";
    }
}
