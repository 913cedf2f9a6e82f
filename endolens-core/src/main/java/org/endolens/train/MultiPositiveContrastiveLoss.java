package org.endolens.train;

import org.endolens.nn.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Endo-CLIP's fine-grained (attribute-level) objective: images against attribute prompts ("a 6 mm sessile polyp",
 * "tubular adenoma", ...) with a positive mask, since one image matches several prompts and one prompt many
 * images. Image→prompt and prompt→image multi-positive InfoNCE (SupCon's "L_out" form: mean log-probability of the
 * positives), averaged; rows without any positive are left out.
 */
public final class MultiPositiveContrastiveLoss {
    /**
     * @param image L2-normalised image embeddings {@code (N, E)}
     * @param prompts L2-normalised prompt embeddings {@code (M, E)}
     * @param positive {@code (N, M)} 1 where prompt m describes image n
     */
    public NDArray apply(NDArray image, NDArray prompts, NDArray positive, NDArray logScale) {
        NDArray scale = logScale.clip(0f, ClipLoss.MAX_LOG_SCALE).exp();
        NDArray logits = image.matMul(prompts.transpose()).mul(scale);
        NDArray pos = positive.toType(DataType.FLOAT32, false);
        NDArray sum = direction(logits, pos).add(direction(logits.transpose(), pos.transpose()));
        return sum.div(Scalars.of(sum, 2f));
    }

    private static NDArray direction(NDArray logits, NDArray positive) {
        NDArray count = positive.sum(new int[] {1});
        NDArray hasPositive = count.gt(0f).toType(DataType.FLOAT32, false);
        NDArray perRow = logits.logSoftmax(1).mul(positive).sum(new int[] {1}).div(count.maximum(1f));
        return perRow.mul(hasPositive).sum().neg().div(hasPositive.sum().maximum(1f));
    }
}
