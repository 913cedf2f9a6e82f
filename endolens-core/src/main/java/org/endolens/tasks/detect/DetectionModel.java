package org.endolens.tasks.detect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.endolens.nn.CenterNetHead;
import org.endolens.nn.CenterNetMaps;
import org.endolens.nn.NamedBlock;
import org.endolens.nn.VisionConfig;
import org.endolens.nn.VisionTransformer;

/**
 * Object detection as CenterNet on a ViT: the patch tokens of several {@code encoder} blocks feed a
 * {@link CenterNetHead} ({@code head}) that predicts centre heatmaps, box sizes and centre offsets at the head's
 * stride. Parameter paths are the encoder's timm names under {@code encoder.} and the head's under {@code head.}.
 */
public final class DetectionModel extends NamedBlock {
    private final DetectionConfig config;
    private final VisionTransformer encoder;
    private final CenterNetHead head;
    private boolean encoderFrozen;

    public DetectionModel(DetectionConfig config) {
        this.config = config;
        VisionConfig vision = config.encoder().vision();
        this.encoder = child("encoder", new VisionTransformer(vision));
        this.head = child("head", new CenterNetHead(config.head(), vision.width(), vision.patchSize(), vision.normEps()));
    }

    public DetectionConfig config() {
        return config;
    }

    public VisionTransformer encoder() {
        return encoder;
    }

    /** Stops gradients into the encoder, which then also runs in evaluation mode; call after loading weights. */
    public void freezeEncoder() {
        encoder.stateParameters().values().forEach(p -> p.freeze(true));
        encoderFrozen = true;
    }

    /** The head's maps for images {@code (B, 3, H, W)} whose sides are multiples of the patch size. */
    public CenterNetMaps maps(ParameterStore store, NDArray images, boolean training) {
        int patch = encoder.config().patchSize();
        long gridH = images.getShape().get(2) / patch;
        long gridW = images.getShape().get(3) / patch;
        var tokens = encoder.layerPatchTokens(store, images, config.head().layers(), training && !encoderFrozen);
        return head.maps(store, tokens, gridH, gridW, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        CenterNetMaps maps = maps(store, inputs.head(), training);
        return new NDList(maps.heatmap(), maps.size(), maps.offset());
    }
}
