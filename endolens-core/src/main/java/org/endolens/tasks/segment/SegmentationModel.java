package org.endolens.tasks.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.endolens.nn.NamedBlock;
import org.endolens.nn.SegmentationDecoder;
import org.endolens.nn.VisionConfig;
import org.endolens.nn.VisionTransformer;

/**
 * Binary segmentation: a ViT {@code encoder} whose patch tokens from several blocks feed a
 * {@link SegmentationDecoder} ({@code decoder}), giving one foreground logit per input pixel. Parameter paths are the
 * encoder's timm names under {@code encoder.} and the decoder's under {@code decoder.}.
 */
public final class SegmentationModel extends NamedBlock {
    private final SegmentationConfig config;
    private final VisionTransformer encoder;
    private final SegmentationDecoder decoder;
    private boolean encoderFrozen;

    public SegmentationModel(SegmentationConfig config) {
        this.config = config;
        VisionConfig vision = config.encoder().vision();
        this.encoder = child("encoder", new VisionTransformer(vision));
        this.decoder = child("decoder", new SegmentationDecoder(config.decoder(), vision.width(), vision.patchSize(),
                vision.normEps()));
    }

    public SegmentationConfig config() {
        return config;
    }

    public VisionTransformer encoder() {
        return encoder;
    }

    /**
     * Stops gradients into the encoder (a linear-probe-like protocol: only the decoder trains). The encoder then also
     * runs in evaluation mode (no stochastic depth). Call after the weights are loaded.
     */
    public void freezeEncoder() {
        encoder.stateParameters().values().forEach(p -> p.freeze(true));
        encoderFrozen = true;
    }

    public boolean encoderFrozen() {
        return encoderFrozen;
    }

    /** Foreground logits {@code (B, 1, H, W)} for images {@code (B, 3, H, W)} whose sides are multiples of the patch size. */
    public NDArray logits(ParameterStore store, NDArray images, boolean training) {
        int patch = encoder.config().patchSize();
        long gridH = images.getShape().get(2) / patch;
        long gridW = images.getShape().get(3) / patch;
        var tokens = encoder.layerPatchTokens(store, images, config.decoder().layers(), training && !encoderFrozen);
        return decoder.logits(store, tokens, gridH, gridW, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(logits(store, inputs.head(), training));
    }
}
