package org.endolens.train;

import org.endolens.nn.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * Endo-CLIP's patient-level contrastive loss. Every description d of patient b is scored against every patient p
 * in the batch by the cosine similarity between its text embedding and the visual embedding it attends to among
 * p's frames. Description→patient: cross-entropy with target b. Patient→description: the multi-positive InfoNCE of
 * SupCon (Khosla et al. 2020), since a patient's frame set matches all of its descriptions. The two are averaged.
 */
public final class PatientContrastiveLoss {
    /**
     * @param text L2-normalised description embeddings {@code (B, D, E)}
     * @param visual L2-normalised attended visual embeddings {@code (B, P=B, D, E)} from {@code PatientCrossAttention}
     * @param descriptionMask {@code (B, D)} 1 for real descriptions, 0 for padding
     * @param logScale learned log temperature (clamped at log 100 as CLIP)
     */
    public NDArray apply(NDArray text, NDArray visual, NDArray descriptionMask, NDArray logScale) {
        long b = text.getShape().get(0);
        long d = text.getShape().get(1);
        NDArray scale = logScale.clip(0f, ClipLoss.MAX_LOG_SCALE).exp();
        // s[b, p, d] = <text[b, d], visual[b, p, d]>
        NDArray sim = visual.mul(text.expandDims(1)).sum(new int[] {-1}).mul(scale);
        NDArray valid = descriptionMask.toType(DataType.FLOAT32, false); // (B, D)
        NDManager manager = sim.getManager();

        // description -> patient: logits over p for each (b, d), target p = b
        NDArray logits = sim.transpose(0, 2, 1).reshape(b * d, b); // rows (b, d)
        NDArray targets = manager.arange(0, (int) b, 1, DataType.INT64).reshape(b, 1).broadcast(b, d).reshape(b * d, 1);
        NDArray logProb = logits.logSoftmax(1).gather(targets, 1).reshape(b * d);
        NDArray flatValid = valid.reshape(b * d);
        NDArray toPatient = logProb.mul(flatValid).sum().neg().div(flatValid.sum());

        // patient -> description: for patient p, softmax over all real (b, d); positives are p's own descriptions
        NDArray perPatient = sim.transpose(1, 0, 2).reshape(b, b * d); // rows p, columns (b, d)
        NDArray padding = flatValid.neg().add(1f).mul(-1e9f).reshape(1, b * d);
        NDArray logProbPatient = perPatient.add(padding).logSoftmax(1);
        NDArray positives = manager.eye((int) b).reshape(b, b, 1).broadcast(b, b, d).reshape(b, b * d).mul(flatValid.reshape(1, b * d));
        NDArray toDescription = logProbPatient.mul(positives).sum(new int[] {1}).div(positives.sum(new int[] {1}).maximum(1f))
                .mean().neg();
        return toPatient.add(toDescription).div(Scalars.of(toPatient, 2f));
    }
}
