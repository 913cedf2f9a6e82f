package org.endolens.train;

import org.endolens.nn.Scalars;
import ai.djl.ndarray.NDArray;

/**
 * The usual binary segmentation loss: binary cross-entropy on the logits plus soft Dice on their sigmoid, with
 * weights 1 and 1 (as segmentation_models_pytorch's {@code DiceLoss} + {@code BCEWithLogitsLoss}). Soft Dice is per
 * image, {@code 1 - (2 sum(p t) + s) / (sum(p) + sum(t) + s)} with smoothing {@code s = 1}, averaged over the batch,
 * so an image without foreground that is predicted empty costs nothing.
 */
public final class DiceBceLoss {
    /** Laplace smoothing of the Dice ratio. */
    public static final float SMOOTH = 1f;

    /**
     * @param logits {@code (B, 1, H, W)} foreground logits
     * @param target {@code (B, 1, H, W)} of 0 and 1
     */
    public NDArray apply(NDArray logits, NDArray target) {
        if (!logits.getShape().equals(target.getShape())) {
            throw new IllegalArgumentException("logits " + logits.getShape() + " and target " + target.getShape()
                    + " differ in shape");
        }
        return bce(logits, target).add(dice(logits, target));
    }

    /** {@code mean(max(x, 0) - x t + log(1 + exp(-|x|)))}: {@code BCEWithLogitsLoss}, stable for large |x|. */
    public static NDArray bce(NDArray logits, NDArray target) {
        return logits.maximum(Scalars.of(logits, 0f)).sub(logits.mul(target)).add(logits.abs().neg().exp().add(1f).log()).mean();
    }

    /** Mean over images of {@code 1 - soft Dice}. */
    public static NDArray dice(NDArray logits, NDArray target) {
        long batch = logits.getShape().get(0);
        NDArray p = ai.djl.nn.Activation.sigmoid(logits).reshape(batch, -1);
        NDArray t = target.reshape(batch, -1);
        int[] pixels = {1};
        NDArray overlap = p.mul(t).sum(pixels).mul(Scalars.of(p, 2f)).add(SMOOTH);
        NDArray total = p.sum(pixels).add(t.sum(pixels)).add(SMOOTH);
        return overlap.div(total).neg().add(1f).mean();
    }
}
