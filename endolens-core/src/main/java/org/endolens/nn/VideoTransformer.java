package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * Video transformer with divided space-time attention, parameter-compatible with Endo-FM's TimeSformer
 * ({@code cls_token}, {@code pos_embed}, {@code time_embed}, {@code blocks.i.temporal_*}). Clips are
 * {@code (B, C, T, H, W)}; any T and any H, W multiple of the patch size (embeddings are resampled).
 */
public final class VideoTransformer extends NamedBlock {
    private final VisionConfig config;
    private final PatchEmbed patchEmbed;
    private final Parameter clsToken;
    private final Parameter posEmbed;
    private final Parameter timeEmbed;
    private final BlockStack<DividedSpaceTimeBlock> blocks;
    private final LayerNorm norm;
    private final Linear head;

    public VideoTransformer(VisionConfig config) {
        if (!config.isVideo()) {
            throw new IllegalArgumentException("video config needs frames > 0; use VisionTransformer for images");
        }
        this.config = config;
        long width = config.width();
        int grid = config.gridSize();
        this.clsToken = parameter("cls_token", Parameter.Type.WEIGHT, new Shape(1, 1, width), new NormalInitializer(1e-6f));
        this.posEmbed = parameter("pos_embed", Parameter.Type.WEIGHT, new Shape(1, 1L + (long) grid * grid, width),
                new TruncatedNormalInitializer(0.02f));
        // TimeSformer initialises the time embedding to zeros.
        this.timeEmbed = parameter("time_embed", Parameter.Type.WEIGHT, new Shape(1, config.frames(), width),
                new ConstantInitializer(0f));
        this.patchEmbed = child("patch_embed", new PatchEmbed(config.channels(), width, config.patchSize(), config.patchBias()));
        TransformerSpec spec = config.block();
        this.blocks = child("blocks", new BlockStack<>(config.depth(), i -> new DividedSpaceTimeBlock(spec,
                VisionTransformer.stochasticDepth(config.dropPath(), i, config.depth()))));
        this.norm = child("norm", new LayerNorm(width, config.normEps()));
        this.head = config.numClasses() > 0 ? child("head", new Linear(width, config.numClasses(), true)) : null;
    }

    public VisionConfig config() {
        return config;
    }

    /** Encodes clips {@code (B, C, T, H, W)}. */
    public VisionOutput encode(ParameterStore store, NDArray clips, boolean training) {
        Shape s = clips.getShape();
        if (s.dimension() != 5) {
            throw new IllegalArgumentException("video input must be (B, C, T, H, W), got " + s);
        }
        long batch = s.get(0);
        int frames = Math.toIntExact(s.get(2));
        long width = config.width();
        long gridH = s.get(3) / config.patchSize();
        long gridW = s.get(4) / config.patchSize();
        NDArray images = clips.transpose(0, 2, 1, 3, 4).reshape(batch * frames, s.get(1), s.get(3), s.get(4));
        NDArray patches = call(patchEmbed, store, images, training);
        long count = patches.getShape().get(1);

        NDArray pos = PositionEmbeddings.resample(value(store, posEmbed, clips, training), config.gridSize(),
                gridH, gridW, config.posResample());
        NDArray time = PositionEmbeddings.resampleTime(value(store, timeEmbed, clips, training), frames,
                config.posResample());
        // patch n of frame t -> index 1 + n*T + t, carrying pos[1 + n] + time[t]
        NDArray tokens = patches.add(pos.get(":, 1:, :")).reshape(batch, frames, count, width).transpose(0, 2, 1, 3)
                .add(time.expandDims(0)).reshape(batch, count * frames, width);
        NDArray cls = value(store, clsToken, clips, training).add(pos.get(":, :1, :")).broadcast(batch, 1, width);
        NDArray x = NDArrays.concat(new NDList(cls, tokens), 1);

        List<NDArray> layerCls = new ArrayList<>(config.depth());
        for (DividedSpaceTimeBlock block : blocks.layers()) {
            x = block.apply(store, x, frames, training);
            layerCls.add(x.get(":, 0, :"));
        }
        x = call(norm, store, x, training);
        NDArray features = x.get(":, 0, :");
        NDArray logits = head == null ? null : call(head, store, features, training);
        return new VisionOutput(features, NDArrays.stack(new NDList(layerCls), 1), x.get(":, 1:, :"), logits, null);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return encode(store, inputs.head(), training).toList();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.width())};
    }
}
