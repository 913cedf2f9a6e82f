package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

import java.util.Arrays;

/**
 * CLIP's text tower (Radford et al. 2021): token and position embeddings, pre-norm blocks under a causal mask,
 * {@code ln_final}, pooling at the end-of-text token (the highest token id, open_clip's {@code argmax} pooling),
 * and the {@code text_projection}.
 */
public final class TextTransformer extends NamedBlock {
    private final TextConfig config;
    private final Parameter tokenEmbedding;
    private final Parameter positionalEmbedding;
    private final BlockStack<Block> blocks;
    private final LayerNorm lnFinal;
    private final Parameter textProjection;

    public TextTransformer(TextConfig config) {
        this.config = config;
        long width = config.width();
        // open_clip: token std 0.02, positions std 0.01, blocks as TextTransformer.init_parameters, projection std width^-0.5
        this.tokenEmbedding = parameter("token_embedding", Parameter.Type.WEIGHT,
                new Shape(config.vocabSize(), width), new NormalInitializer(0.02f));
        this.positionalEmbedding = parameter("positional_embedding", Parameter.Type.WEIGHT,
                new Shape(config.contextLength(), width), new NormalInitializer(0.01f));
        TransformerSpec spec = config.block();
        this.blocks = child("blocks", new BlockStack<>(config.depth(), i -> new Block(spec, 0f, BlockInit.openClipText(width, config.depth()))));
        this.lnFinal = child("ln_final", new LayerNorm(width, config.normEps()));
        this.textProjection = parameter("text_projection", Parameter.Type.WEIGHT, new Shape(width, config.embedDim()),
                new NormalInitializer((float) Math.pow(width, -0.5)));
    }

    public TextConfig config() {
        return config;
    }

    /** Encodes token ids {@code (B, L)}, {@code L <= contextLength}; returns the projected EOT features {@code (B, E)}. */
    public TextOutput encode(ParameterStore store, NDArray tokens, boolean training) {
        long batch = tokens.getShape().get(0);
        int length = Math.toIntExact(tokens.getShape().get(1));
        if (length > config.contextLength()) {
            throw new IllegalArgumentException(
                    "token sequence of length " + length + " exceeds the context length " + config.contextLength());
        }
        NDArray ids = tokens.toType(DataType.INT64, false);
        NDArray x = Embedding.embedding(ids, value(store, tokenEmbedding, tokens, training), SparseFormat.DENSE).head();
        x = x.add(value(store, positionalEmbedding, tokens, training).get(":" + length + ", :"));
        NDArray mask = causalMask(x.getManager(), length);
        for (Block block : blocks.layers()) {
            x = block.apply(store, x, mask, training);
        }
        x = call(lnFinal, store, x, training);
        NDArray eot = ids.argMax(1).reshape(batch, 1, 1).broadcast(batch, 1, config.width());
        NDArray pooled = x.gather(eot, 1).reshape(batch, config.width());
        NDArray embedding = pooled.matMul(value(store, textProjection, tokens, training));
        return new TextOutput(pooled, x, embedding);
    }

    /** Additive mask with -inf above the diagonal, so token i attends to tokens 0..i. */
    static NDArray causalMask(NDManager manager, int length) {
        float[] values = new float[length * length];
        for (int i = 0; i < length; i++) {
            Arrays.fill(values, i * length + i + 1, (i + 1) * length, Float.NEGATIVE_INFINITY);
        }
        return manager.create(values, new Shape(length, length));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return encode(store, inputs.head(), training).toList();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.embedDim())};
    }
}
