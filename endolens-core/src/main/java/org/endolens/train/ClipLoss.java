package org.endolens.train;

import org.endolens.nn.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * CLIP's symmetric InfoNCE loss (open_clip's {@code ClipLoss}): cross-entropy of image-to-text and text-to-image
 * logits {@code exp(logit_scale) * img @ txt^T} against the diagonal, averaged. Features must be L2-normalised.
 */
public final class ClipLoss {
    /** CLIP clamps the learned temperature so logits are scaled by at most 100. */
    public static final float MAX_LOG_SCALE = (float) Math.log(100);

    public NDArray apply(NDArray imageFeatures, NDArray textFeatures, NDArray logScale) {
        NDArray scale = logScale.clip(0f, MAX_LOG_SCALE).exp();
        NDArray logitsPerImage = imageFeatures.matMul(textFeatures.transpose()).mul(scale);
        NDManager manager = logitsPerImage.getManager();
        long n = logitsPerImage.getShape().get(0);
        NDArray labels = manager.arange(0, (int) n, 1, DataType.INT64);
        NDArray imageLoss = CrossEntropyLoss.apply(logitsPerImage, labels);
        NDArray textLoss = CrossEntropyLoss.apply(logitsPerImage.transpose(), labels);
        return imageLoss.add(textLoss).div(Scalars.of(imageLoss, 2f));
    }
}
