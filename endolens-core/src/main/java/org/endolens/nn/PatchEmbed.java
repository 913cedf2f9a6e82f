package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/** Images {@code (B, C, H, W)} to patch tokens {@code (B, H/p * W/p, D)}, row-major over the patch grid. */
public final class PatchEmbed extends NamedBlock {
    private final int patchSize;
    private final Conv2d proj;

    public PatchEmbed(int channels, long width, int patchSize, boolean bias) {
        this.patchSize = patchSize;
        this.proj = child("proj", new Conv2d(channels, width, patchSize, patchSize, bias));
    }

    /** A patch embedding whose projection starts from {@code weightInit}. */
    public PatchEmbed(int channels, long width, int patchSize, boolean bias, Initializer weightInit) {
        this.patchSize = patchSize;
        this.proj = child("proj", new Conv2d(channels, width, patchSize, patchSize, 0, bias, weightInit));
    }

    public int patchSize() {
        return patchSize;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        if (h % patchSize != 0 || w % patchSize != 0) {
            throw new IllegalArgumentException(
                    "image size " + h + "x" + w + " is not a multiple of the patch size " + patchSize);
        }
        NDArray maps = call(proj, store, x, training);
        long batch = maps.getShape().get(0);
        long width = maps.getShape().get(1);
        return new NDList(maps.reshape(batch, width, -1).transpose(0, 2, 1));
    }
}
