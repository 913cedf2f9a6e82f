package org.endolens.train;

import org.endolens.nn.Scalars;
import ai.djl.ndarray.NDArray;
import org.endolens.nn.CenterNetMaps;

/**
 * CenterNet's training loss (Zhou et al. 2019, eq. 5): {@link HeatmapFocalLoss} on the centre heatmap, plus L1 losses
 * on box size (weight {@value #SIZE_WEIGHT}) and centre offset (weight {@value #OFFSET_WEIGHT}) read at the object
 * centres only. As CenterNet's {@code RegL1Loss}, each L1 term is the summed absolute error at the centres divided by
 * the number of centres times two components (plus 1e-4).
 */
public final class CenterNetLoss {
    public static final float SIZE_WEIGHT = 0.1f;
    public static final float OFFSET_WEIGHT = 1f;
    private static final float EPS = 1e-4f;

    private final HeatmapFocalLoss focal = new HeatmapFocalLoss();

    /** The three terms and their weighted sum. */
    public record Terms(NDArray heatmap, NDArray size, NDArray offset, NDArray total) {}

    /**
     * @param predicted the head's maps
     * @param heatmap Gaussian targets {@code (B, C, H, W)}
     * @param size target width and height in output cells {@code (B, 2, H, W)}, read at the centres
     * @param offset target centre offsets {@code (B, 2, H, W)}, read at the centres
     * @param centres 1 at object centres, 0 elsewhere {@code (B, 1, H, W)}
     */
    public Terms apply(CenterNetMaps predicted, NDArray heatmap, NDArray size, NDArray offset, NDArray centres) {
        NDArray heat = focal.apply(predicted.heatmap(), heatmap);
        NDArray sizeLoss = maskedL1(predicted.size(), size, centres);
        NDArray offsetLoss = maskedL1(predicted.offset(), offset, centres);
        NDArray total = heat.add(sizeLoss.mul(Scalars.of(sizeLoss, SIZE_WEIGHT)))
                .add(offsetLoss.mul(Scalars.of(offsetLoss, OFFSET_WEIGHT)));
        return new Terms(heat, sizeLoss, offsetLoss, total);
    }

    /** {@code sum(|predicted - target| * mask) / (2 * sum(mask) + eps)} over (B, 2, H, W) maps and a (B, 1, H, W) mask. */
    static NDArray maskedL1(NDArray predicted, NDArray target, NDArray mask) {
        if (!predicted.getShape().equals(target.getShape())) {
            throw new IllegalArgumentException("predicted " + predicted.getShape() + " and target " + target.getShape()
                    + " differ in shape");
        }
        NDArray error = predicted.sub(target).abs().mul(mask).sum();
        return error.div(mask.sum().mul(predicted.getShape().get(1)).add(EPS));
    }
}
