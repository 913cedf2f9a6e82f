package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.List;

/**
 * A SETR/UNETR-style decoder from ViT patch tokens to per-pixel logits. The tokens of several encoder blocks are each
 * layer-normalised, laid out on the patch grid and projected to {@code channels} by a 1x1 convolution
 * ({@code levels.i}); the levels are concatenated and fused by a 3x3 conv-norm-ReLU ({@code fuse}); then
 * {@code log2(patch)} stages of bilinear 2x upsampling followed by a 3x3 conv-norm-ReLU ({@code up.k}, SETR-PUP's
 * progressive upsampling) bring the map back to the input resolution, where a 1x1 convolution ({@code head}) gives
 * one foreground logit per pixel.
 */
public final class SegmentationDecoder extends NamedBlock {
    private final SegmentationDecoderConfig config;
    private final int patchSize;
    private final BlockStack<TokenGridProjection> levels;
    private final ConvNormRelu fuse;
    private final BlockStack<ConvNormRelu> up;
    private final Conv2d head;

    /**
     * @param config levels and width
     * @param encoderWidth token width D of the encoder
     * @param patchSize the encoder's patch size, a power of two (the number of 2x upsampling stages is its log2)
     * @param normEps the encoder's LayerNorm epsilon
     */
    public SegmentationDecoder(SegmentationDecoderConfig config, long encoderWidth, int patchSize, float normEps) {
        if (Integer.bitCount(patchSize) != 1 || patchSize < 2) {
            throw new IllegalArgumentException("the segmentation decoder upsamples by 2x stages and needs a power-of-two"
                    + " patch size, got " + patchSize);
        }
        this.config = config;
        this.patchSize = patchSize;
        int channels = config.channels();
        this.levels = child("levels", new BlockStack<>(config.layers().size(), i -> new TokenGridProjection(encoderWidth, channels, normEps)));
        this.fuse = child("fuse", new ConvNormRelu(channels * config.layers().size(), channels));
        int stages = Integer.numberOfTrailingZeros(patchSize);
        this.up = child("up", new BlockStack<>(stages,
                k -> new ConvNormRelu(k == 0 ? channels : config.stageChannels(k - 1), config.stageChannels(k))));
        this.head = child("head", new Conv2d(config.stageChannels(stages - 1), 1, 1, 1, 0, true, Conv2d.heNormal()));
    }

    public SegmentationDecoderConfig config() {
        return config;
    }

    /**
     * Logits {@code (B, 1, gridH * patch, gridW * patch)} from the patch tokens of the configured layers, each
     * {@code (B, gridH * gridW, D)}, in {@link SegmentationDecoderConfig#layers()} order.
     */
    public NDArray logits(ParameterStore store, List<NDArray> layerTokens, long gridH, long gridW, boolean training) {
        NDArray levelMaps = TokenGridProjection.concatLevels(store, levels.layers(), layerTokens, gridH, gridW, training);
        NDArray x = ConvNormRelu.upsampleThrough(store, up.layers(), call(fuse, store, levelMaps, training), training);
        return call(head, store, x, training);
    }

    public int patchSize() {
        return patchSize;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("the decoder needs the grid size; call logits()");
    }
}
