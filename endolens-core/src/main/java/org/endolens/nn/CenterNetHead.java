package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.List;

/**
 * A CenterNet detection head (Zhou et al. 2019) on ViT patch tokens. As in {@link SegmentationDecoder}, the tokens of
 * several encoder blocks are each projected onto the patch grid ({@code levels.i}) and fused by a 3x3 conv-norm-ReLU
 * ({@code fuse}); bilinear 2x upsampling stages with a 3x3 conv-norm-ReLU ({@code up.k}) bring the map from the patch
 * size down to the output stride. Three branches, each CenterNet's 3x3 conv + ReLU + 1x1 conv, predict the per-class
 * centre heatmap ({@code heatmap}), the box size ({@code size}) and the centre offset ({@code offset}). The heatmap's
 * last bias starts at {@link #HEATMAP_PRIOR_BIAS} (focal-loss prior 0.1), the regression branches' last convolution
 * at N(0, 0.001) with zero bias, as CenterNet's {@code fill_fc_weights}.
 */
public final class CenterNetHead extends NamedBlock {
    /** {@code -log((1 - 0.1) / 0.1)}: every location starts with a centre probability of 0.1. */
    public static final float HEATMAP_PRIOR_BIAS = -2.19f;
    private static final float REGRESSION_INIT_STD = 0.001f;

    private final CenterNetHeadConfig config;
    private final BlockStack<TokenGridProjection> levels;
    private final ConvNormRelu fuse;
    private final BlockStack<ConvNormRelu> up;
    private final Branch heatmap;
    private final Branch size;
    private final Branch offset;

    /** CenterNet's head branch: 3x3 conv (with bias) + ReLU + 1x1 conv. */
    private static final class Branch extends NamedBlock {
        private final Conv2d hidden;
        private final Conv2d out;

        Branch(int channels, Conv2d out) {
            this.hidden = child("0", new Conv2d(channels, channels, 3, 1, 1, true, Conv2d.heNormal()));
            this.out = child("2", out);
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray x = ai.djl.nn.Activation.relu(call(hidden, store, inputs.head(), training));
            return new NDList(call(out, store, x, training));
        }
    }

    /**
     * @param config levels, width, stride and classes
     * @param encoderWidth token width D of the encoder
     * @param patchSize the encoder's patch size: a power-of-two multiple of the stride
     * @param normEps the encoder's LayerNorm epsilon
     */
    public CenterNetHead(CenterNetHeadConfig config, long encoderWidth, int patchSize, float normEps) {
        if (patchSize % config.stride() != 0 || Integer.bitCount(patchSize / config.stride()) != 1) {
            throw new IllegalArgumentException("the detection head upsamples the patch grid by 2x stages: patch size "
                    + patchSize + " must be a power-of-two multiple of the output stride " + config.stride());
        }
        this.config = config;
        int channels = config.channels();
        this.levels = child("levels", new BlockStack<>(config.layers().size(),
                i -> new TokenGridProjection(encoderWidth, channels, normEps)));
        this.fuse = child("fuse", new ConvNormRelu(channels * config.layers().size(), channels));
        this.up = child("up", new BlockStack<>(Integer.numberOfTrailingZeros(patchSize / config.stride()),
                k -> new ConvNormRelu(channels, channels)));
        Conv2d heatmapOut = new Conv2d(channels, config.classes(), 1, 1, 0, true, Conv2d.heNormal());
        heatmapOut.setInitializer(new ConstantInitializer(HEATMAP_PRIOR_BIAS), "bias");
        this.heatmap = child("heatmap", new Branch(channels, heatmapOut));
        this.size = child("size", new Branch(channels, regression(channels)));
        this.offset = child("offset", new Branch(channels, regression(channels)));
    }

    private static Conv2d regression(int channels) {
        return new Conv2d(channels, 2, 1, 1, 0, true, new NormalInitializer(REGRESSION_INIT_STD));
    }

    public CenterNetHeadConfig config() {
        return config;
    }

    /**
     * The maps at {@code (gridH, gridW) * patch / stride} from the patch tokens of the configured layers, each
     * {@code (B, gridH * gridW, D)}, in {@link CenterNetHeadConfig#layers()} order.
     */
    public CenterNetMaps maps(ParameterStore store, List<NDArray> layerTokens, long gridH, long gridW,
            boolean training) {
        NDArray levelMaps = TokenGridProjection.concatLevels(store, levels.layers(), layerTokens, gridH, gridW, training);
        NDArray x = ConvNormRelu.upsampleThrough(store, up.layers(), call(fuse, store, levelMaps, training), training);
        return new CenterNetMaps(call(heatmap, store, x, training), call(size, store, x, training),
                call(offset, store, x, training));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("the detection head needs the grid size; call maps()");
    }
}
