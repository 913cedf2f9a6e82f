package org.endolens.bench;

import org.endolens.model.ModelConfig;
import org.endolens.model.Presets;
import org.endolens.nn.VisionConfig;

/** The {@code vit-tiny-8} test preset (32², two blocks) with a ten-class head, which the preset itself lacks. */
final class TinyClassifier {
    static final int CLASSES = 10;

    private TinyClassifier() {}

    static ModelConfig config() {
        ModelConfig preset = Presets.load("vit-tiny-8");
        VisionConfig v = preset.vision();
        VisionConfig withHead = new VisionConfig(v.imageSize(), v.patchSize(), v.channels(), v.width(), v.depth(),
                v.heads(), v.mlpDim(), v.activation(), v.normEps(), v.qkvBias(), v.patchBias(), v.preNorm(), CLASSES,
                v.embedDim(), v.frames(), v.posResample(), v.dropPath());
        return new ModelConfig("vit-tiny-8-cls", preset.kind(), withHead, null, null);
    }
}
