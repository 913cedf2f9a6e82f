package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * Vision Transformer (Dosovitskiy et al. 2021) with timm's parameter names: conv patch embedding, CLS token,
 * learned positions (resampled for other image sizes), optional CLIP {@code norm_pre}, pre-norm blocks, final
 * {@code norm}, and optional classifier {@code head} and CLIP projection {@code proj}.
 */
public final class VisionTransformer extends NamedBlock {
    private final VisionConfig config;
    private final PatchEmbed patchEmbed;
    private final Parameter clsToken;
    private final Parameter posEmbed;
    private final LayerNorm normPre;
    private final BlockStack<Block> blocks;
    private final LayerNorm norm;
    private final Linear head;
    private final Parameter proj;

    public VisionTransformer(VisionConfig config) {
        this(config, InitScheme.TIMM);
    }

    /** A tower whose parameters start as {@code init} prescribes (loading a checkpoint overwrites them). */
    public VisionTransformer(VisionConfig config, InitScheme init) {
        if (config.isVideo()) {
            throw new IllegalArgumentException("config has frames=" + config.frames() + "; use VideoTransformer");
        }
        this.config = config;
        long width = config.width();
        int grid = config.gridSize();
        boolean clip = init == InitScheme.OPENCLIP;
        int patch = config.patchSize();
        this.patchEmbed = child("patch_embed", new PatchEmbed(config.channels(), width, patch, config.patchBias(),
                clip ? BlockInit.kaimingUniform((long) config.channels() * patch * patch) : new TruncatedNormalInitializer(0.02f)));
        // timm: cls_token ~ N(0, 1e-6), pos_embed ~ trunc_normal(0.02); open_clip: both ~ N(0, width^-0.5)
        float clipScale = (float) Math.pow(width, -0.5);
        this.clsToken = parameter("cls_token", Parameter.Type.WEIGHT, new Shape(1, 1, width),
                new NormalInitializer(clip ? clipScale : 1e-6f));
        this.posEmbed = parameter("pos_embed", Parameter.Type.WEIGHT, new Shape(1, 1L + (long) grid * grid, width),
                clip ? new NormalInitializer(clipScale) : new TruncatedNormalInitializer(0.02f));
        BlockInit blockInit = clip ? BlockInit.pytorchDefaults(width, config.mlpDim()) : BlockInit.timm();
        this.normPre = config.preNorm() ? child("norm_pre", new LayerNorm(width, config.normEps())) : null;
        TransformerSpec spec = config.block();
        this.blocks = child("blocks", new BlockStack<>(config.depth(),
                i -> new Block(spec, stochasticDepth(config.dropPath(), i, config.depth()), blockInit)));
        this.norm = child("norm", new LayerNorm(width, config.normEps()));
        this.head = config.numClasses() > 0 ? child("head", new Linear(width, config.numClasses(), true)) : null;
        this.proj = config.embedDim() > 0
                ? parameter("proj", Parameter.Type.WEIGHT, new Shape(width, config.embedDim()),
                        new NormalInitializer((float) Math.pow(width, -0.5)))
                : null;
    }

    /** timm's linearly increasing drop-path rate over depth. */
    static float stochasticDepth(float rate, int layer, int depth) {
        return depth <= 1 ? rate : rate * layer / (depth - 1);
    }

    public VisionConfig config() {
        return config;
    }

    /** Encodes images {@code (B, C, H, W)}; H and W may differ from the configured size (positions are resampled). */
    public VisionOutput encode(ParameterStore store, NDArray images, boolean training) {
        NDArray x = tokens(store, images, training);
        List<NDArray> layerCls = new ArrayList<>(config.depth());
        for (Block block : blocks.layers()) {
            x = block.apply(store, x, null, training);
            layerCls.add(x.get(":, 0, :"));
        }
        x = call(norm, store, x, training);
        NDArray features = x.get(":, 0, :");
        NDArray patchTokens = x.get(":, 1:, :");
        NDArray logits = head == null ? null : call(head, store, features, training);
        NDArray embedding = proj == null ? null : features.matMul(value(store, proj, images, training));
        return new VisionOutput(features, NDArrays.stack(new NDList(layerCls), 1), patchTokens, logits, embedding);
    }

    /**
     * The patch tokens {@code (B, N, D)} after each of the blocks {@code layers} (0-based, ascending; before the final
     * norm), for dense heads that read several depths (SETR, UNETR). Blocks after the last requested one are not run.
     */
    public List<NDArray> layerPatchTokens(ParameterStore store, NDArray images, List<Integer> layers, boolean training) {
        int last = layers.get(layers.size() - 1);
        if (last >= config.depth()) {
            throw new IllegalArgumentException("layer " + last + " requested from an encoder of depth " + config.depth());
        }
        NDArray x = tokens(store, images, training);
        List<NDArray> out = new ArrayList<>(layers.size());
        for (int i = 0; i <= last; i++) {
            x = blocks.layers().get(i).apply(store, x, null, training);
            if (layers.contains(i)) {
                out.add(x.get(":, 1:, :"));
            }
        }
        return out;
    }

    /** Patch embedding, CLS token and (resampled) positions, and CLIP's pre-norm: the input of the first block. */
    private NDArray tokens(ParameterStore store, NDArray images, boolean training) {
        NDArray patches = call(patchEmbed, store, images, training);
        long batch = patches.getShape().get(0);
        long gridH = images.getShape().get(2) / config.patchSize();
        long gridW = images.getShape().get(3) / config.patchSize();
        NDArray cls = value(store, clsToken, images, training).broadcast(batch, 1, config.width());
        NDArray pos = PositionEmbeddings.resample(value(store, posEmbed, images, training), config.gridSize(),
                gridH, gridW, config.posResample());
        NDArray x = NDArrays.concat(new NDList(cls, patches), 1).add(pos);
        return normPre == null ? x : call(normPre, store, x, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return encode(store, inputs.head(), training).toList();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        return new Shape[] {new Shape(batch, config.width())};
    }
}
