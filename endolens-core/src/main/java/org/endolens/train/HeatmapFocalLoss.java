package org.endolens.train;

import org.endolens.nn.Scalars;
import ai.djl.ndarray.NDArray;

/**
 * CenterNet's penalty-reduced pixel-wise focal loss (Zhou et al. 2019, eq. 1; after CornerNet): with
 * {@code p = sigmoid(logit)} clamped to {@code [1e-4, 1 - 1e-4]} as in CenterNet's {@code _sigmoid} and a Gaussian
 * target {@code y}, {@code -(1/N) sum[y = 1] (1 - p)^alpha log p + [y < 1] (1 - y)^beta p^alpha log(1 - p)}, where N is
 * the number of centres (locations with {@code y = 1}); without centres the sum is not divided.
 */
public final class HeatmapFocalLoss {
    public static final float ALPHA = 2f;
    public static final float BETA = 4f;
    /** CenterNet clamps the sigmoid so that neither logarithm is infinite. */
    public static final float CLAMP = 1e-4f;

    private final float alpha;
    private final float beta;

    /** The paper's alpha = 2, beta = 4. */
    public HeatmapFocalLoss() {
        this(ALPHA, BETA);
    }

    public HeatmapFocalLoss(float alpha, float beta) {
        this.alpha = alpha;
        this.beta = beta;
    }

    /**
     * @param logits heatmap logits {@code (B, C, H, W)}
     * @param target Gaussian heatmap {@code (B, C, H, W)} in [0, 1], exactly 1 at object centres
     */
    public NDArray apply(NDArray logits, NDArray target) {
        if (!logits.getShape().equals(target.getShape())) {
            throw new IllegalArgumentException("heatmap logits " + logits.getShape() + " and target " + target.getShape()
                    + " differ in shape");
        }
        NDArray p = ai.djl.nn.Activation.sigmoid(logits).clip(CLAMP, 1 - CLAMP);
        NDArray positive = target.eq(1f).toType(p.getDataType(), false);
        NDArray negative = positive.neg().add(1f);
        NDArray a = Scalars.of(p, alpha);
        NDArray positiveLoss = p.log().mul(p.neg().add(1f).pow(a)).mul(positive);
        NDArray negativeLoss = p.neg().add(1f).log().mul(p.pow(a)).mul(target.neg().add(1f).pow(beta)).mul(negative);
        NDArray centres = positive.sum().maximum(1f);
        return positiveLoss.sum().add(negativeLoss.sum()).neg().div(centres);
    }
}
