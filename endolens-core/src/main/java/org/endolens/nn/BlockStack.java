package org.endolens.nn;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/** An indexed list of blocks ({@code blocks.0}, {@code blocks.1}, ...); the owner drives the loop. */
public final class BlockStack<B extends Block> extends NamedBlock {
    private final List<B> layers;

    public BlockStack(int depth, IntFunction<B> factory) {
        List<B> built = new ArrayList<>(depth);
        for (int i = 0; i < depth; i++) {
            built.add(child(Integer.toString(i), factory.apply(i)));
        }
        this.layers = Collections.unmodifiableList(built);
    }

    public List<B> layers() {
        return layers;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList x = inputs;
        for (B layer : layers) {
            NDList out = layer.forward(store, x, training, params);
            // Extra inputs (an attention mask) are shared by every layer.
            x = inputs.size() > 1 ? new NDList(out.head()).addAll(inputs.subNDList(1)) : out;
        }
        return new NDList(x.head());
    }
}
