package org.endolens.model;

import org.endolens.nn.Linear;
import org.endolens.nn.NamedBlock;
import org.endolens.nn.Scalars;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

/**
 * Endo-CLIP's unification stage: each polyp description (a text embedding) attends over the embeddings of all
 * frames of one patient and gets back a description-specific visual embedding, so a report describing several
 * polyps can be matched frame-set to description-set instead of forcing every frame to match the whole report.
 * Multi-head scaled dot-product attention with its own q/k/v/out projections; frames outside the patient
 * (padding) are masked out.
 */
public final class PatientCrossAttention extends NamedBlock {
    private final long dim;
    private final int heads;
    private final Linear q;
    private final Linear k;
    private final Linear v;
    private final Linear out;

    public PatientCrossAttention(long dim, int heads) {
        if (heads <= 0 || dim % heads != 0) {
            throw new IllegalArgumentException("embedding size " + dim + " is not divisible by heads " + heads);
        }
        this.dim = dim;
        this.heads = heads;
        // nn.MultiheadAttention's initialisation: Xavier-uniform projections. Inputs are unit-norm CLIP embeddings,
        // for which timm's std 0.02 would start every attention map flat and learn slowly.
        this.q = child("q", new Linear(dim, dim, true, xavier()));
        this.k = child("k", new Linear(dim, dim, true, xavier()));
        this.v = child("v", new Linear(dim, dim, true, xavier()));
        this.out = child("out", new Linear(dim, dim, true, xavier()));
    }

    private static XavierInitializer xavier() {
        return new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3f);
    }

    /** Attention result: visual embeddings per description and the attention over frames (averaged over heads). */
    public record Result(NDArray visual, NDArray weights) {}

    /**
     * @param descriptions {@code (B, D, E)} description embeddings of B patients (D per patient, padded)
     * @param frames {@code (P, F, E)} frame embeddings of P patients (F per patient, padded)
     * @param frameMask {@code (P, F)} 1 for real frames, 0 for padding
     * @return visual embeddings {@code (B, P, D, E)}: description d of patient b attending over patient p's frames;
     *     weights {@code (B, P, D, F)}
     */
    public Result attend(ParameterStore store, NDArray descriptions, NDArray frames, NDArray frameMask, boolean training) {
        Shape ds = descriptions.getShape();
        Shape fs = frames.getShape();
        long b = ds.get(0);
        long d = ds.get(1);
        long p = fs.get(0);
        long f = fs.get(1);
        long headDim = dim / heads;
        // (B, D, E) -> (B, 1, H, D, d); (P, F, E) -> (1, P, H, F, d)
        NDArray qh = project(q, store, descriptions, training).reshape(b, d, heads, headDim).transpose(0, 2, 1, 3)
                .reshape(b, 1, heads, d, headDim);
        qh = qh.mul(Scalars.of(qh, (float) (1 / Math.sqrt(headDim))));
        NDArray kh = project(k, store, frames, training).reshape(p, f, heads, headDim).transpose(0, 2, 1, 3)
                .reshape(1, p, heads, f, headDim);
        NDArray vh = project(v, store, frames, training).reshape(p, f, heads, headDim).transpose(0, 2, 1, 3)
                .reshape(1, p, heads, f, headDim);
        NDArray scores = qh.matMul(kh.transpose(0, 1, 2, 4, 3)); // (B, P, H, D, F)
        NDArray padding = frameMask.toType(DataType.FLOAT32, false).neg().add(1f).mul(-1e9f).reshape(1, p, 1, 1, f);
        NDArray weights = scores.add(padding).softmax(-1);
        NDArray mixed = weights.matMul(vh).transpose(0, 1, 3, 2, 4).reshape(b, p, d, dim); // (B, P, D, E)
        NDArray visual = project(out, store, mixed, training);
        return new Result(visual, weights.mean(new int[] {2}));
    }

    private static NDArray project(Linear layer, ParameterStore store, NDArray x, boolean training) {
        return layer.forward(store, new NDList(x), training, null).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        Result r = attend(store, inputs.get(0), inputs.get(1), inputs.get(2), training);
        return new NDList(r.visual(), r.weights());
    }
}
