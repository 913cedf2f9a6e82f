package org.endolens.nn;

import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Transformer feed-forward: {@code fc2(act(fc1(x)))} (timm names {@code mlp.fc1}, {@code mlp.fc2}). */
public final class Mlp extends NamedBlock {
    private final Linear fc1;
    private final Linear fc2;
    private final Activation activation;

    public Mlp(long width, long hidden, Activation activation) {
        this(width, hidden, activation, BlockInit.timm());
    }

    public Mlp(long width, long hidden, Activation activation, BlockInit init) {
        this.fc1 = child("fc1", new Linear(width, hidden, true, init.fc1()));
        this.fc2 = child("fc2", new Linear(hidden, width, true, init.fc2()));
        this.activation = activation;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(call(fc2, store, activation.apply(call(fc1, store, inputs.head(), training)), training));
    }
}
