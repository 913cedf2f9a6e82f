package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DJL block whose children and parameters carry the names of the public PyTorch checkpoints
 * ({@code blocks.0.attn.qkv.weight}), so that loading weights is a name lookup, not a translation.
 *
 * <p>Every EndoLens layer knows its shapes from its configuration, so parameters are created with fixed
 * shapes and initialisation needs no shape inference.
 */
public abstract class NamedBlock extends AbstractBlock {
    private final Map<String, Block> namedChildren = new LinkedHashMap<>();
    private final Map<String, Parameter> namedParameters = new LinkedHashMap<>();

    /** Registers a child block under its checkpoint name. */
    protected final <B extends Block> B child(String name, B block) {
        addChildBlock(name, block);
        namedChildren.put(name, block);
        return block;
    }

    /** Registers a parameter with a fixed shape under its checkpoint name. */
    protected final Parameter parameter(String name, Parameter.Type type, Shape shape, Initializer initializer) {
        Parameter parameter = addParameter(
                Parameter.builder().setName(name).setType(type).optShape(shape).optInitializer(initializer).build());
        namedParameters.put(name, parameter);
        return parameter;
    }

    /** Parameters of this block and its descendants, keyed by dotted checkpoint path, in registration order. */
    public final Map<String, Parameter> stateParameters() {
        Map<String, Parameter> all = new LinkedHashMap<>();
        collect("", this, all);
        return Collections.unmodifiableMap(all);
    }

    private static void collect(String prefix, Block block, Map<String, Parameter> into) {
        if (block instanceof NamedBlock named) {
            named.namedParameters.forEach((name, p) -> into.put(prefix + name, p));
            named.namedChildren.forEach((name, child) -> collect(prefix + name + ".", child, into));
        } else {
            throw new IllegalStateException("block " + block.getClass().getName() + " at '" + prefix
                    + "' is not a NamedBlock; its parameters would have no checkpoint names");
        }
    }

    /** Creates every parameter on {@code manager}; the input shape is irrelevant because shapes come from configs. */
    public final void initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, new Shape(1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block block : namedChildren.values()) {
            block.initialize(manager, dataType, inputShapes);
        }
    }

    /**
     * The value of {@code parameter} for this forward pass, on the input's device and owned by the input's manager.
     * DJL attaches an op's result to the manager of its first operand; handing out the parameter itself would let
     * {@code param.broadcast(..)}, {@code param.get(..)} and the like pile up on the model's long-lived manager
     * every step. A view (same storage, differentiable) scoped to the step avoids that for one JNI call.
     */
    protected static NDArray value(ParameterStore store, Parameter parameter, NDArray like, boolean training) {
        NDArray array = store.getValue(parameter, like.getDevice(), training);
        NDArray view = array.reshape(array.getShape());
        view.attach(like.getManager());
        return view;
    }

    /** Runs {@code block} on one array and returns its first output. */
    protected static NDArray call(Block block, ParameterStore store, NDArray input, boolean training) {
        return block.forward(store, new NDList(input), training, null).singletonOrThrow();
    }

    /** Blocks here map one array to one array of the same leading dimensions unless they override this. */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    protected abstract NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params);
}
