package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Stochastic depth (Huang et al. 2016) on a residual branch, per sample, as timm's {@code DropPath}. */
public final class DropPath {
    private DropPath() {}

    /** Zeroes whole samples of {@code branch} with probability {@code rate} and rescales the rest; identity at eval. */
    public static NDArray apply(NDArray branch, float rate, boolean training) {
        if (!training || rate <= 0f) {
            return branch;
        }
        float keep = 1f - rate;
        long[] maskShape = new long[branch.getShape().dimension()];
        java.util.Arrays.fill(maskShape, 1);
        maskShape[0] = branch.getShape().get(0);
        NDArray mask = branch.getManager().randomUniform(0f, 1f, new Shape(maskShape), branch.getDataType(), branch.getDevice())
                .lt(keep).toType(branch.getDataType(), false);
        return branch.mul(mask).div(Scalars.of(branch, keep));
    }
}
