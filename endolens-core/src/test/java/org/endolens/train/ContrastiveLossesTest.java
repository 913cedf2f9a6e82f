package org.endolens.train;

import org.endolens.model.ClipModel;
import org.endolens.model.PatientCrossAttention;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Endo-CLIP objectives reduce to CLIP's loss in the one-to-one case, and patient attention learns to pick frames. */
class ContrastiveLossesTest {

    @Test
    void multiPositiveLossWithOnePositivePerRowIsClipLoss() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray img = ClipModel.normalize(m.randomNormal(new Shape(5, 8)));
            NDArray txt = ClipModel.normalize(m.randomNormal(new Shape(5, 8)));
            NDArray scale = m.create(2.3f);
            float clip = new ClipLoss().apply(img, txt, scale).getFloat();
            float multi = new MultiPositiveContrastiveLoss().apply(img, txt, m.eye(5), scale).getFloat();
            assertEquals(clip, multi, 1e-5f);
        }
    }

    @Test
    void patientLossWithOneDescriptionPerPatientIsClipLoss() {
        try (NDManager m = NDManager.newBaseManager()) {
            int b = 4;
            NDArray img = ClipModel.normalize(m.randomNormal(new Shape(b, 8)));
            NDArray txt = ClipModel.normalize(m.randomNormal(new Shape(b, 8)));
            // Every description sees patient p's frames as the same image embedding.
            NDArray visual = img.reshape(1, b, 1, 8).broadcast(b, b, 1, 8);
            NDArray scale = m.create(1.7f);
            float clip = new ClipLoss().apply(img, txt, scale).getFloat();
            float patient = new PatientContrastiveLoss().apply(txt.reshape(b, 1, 8), visual, m.ones(new Shape(b, 1)), scale)
                    .getFloat();
            assertEquals(clip, patient, 1e-5f);
        }
    }

    @Test
    void paddedDescriptionsDoNotChangeTheLoss() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray txt = ClipModel.normalize(m.randomNormal(new Shape(3, 2, 8)));
            NDArray visual = ClipModel.normalize(m.randomNormal(new Shape(3, 3, 2, 8)));
            NDArray mask = m.create(new float[][] {{1, 1}, {1, 0}, {1, 1}});
            NDArray scale = m.create(2f);
            float a = new PatientContrastiveLoss().apply(txt, visual, mask, scale).getFloat();
            // Changing what sits in the padded slot must not matter.
            NDArray txt2 = txt.duplicate();
            txt2.set(new ai.djl.ndarray.index.NDIndex("1, 1, :"), ClipModel.normalize(m.randomNormal(new Shape(8))));
            float b = new PatientContrastiveLoss().apply(txt2, visual, mask, scale).getFloat();
            assertEquals(a, b, 1e-6f);
        }
    }

    /**
     * Patients with two polyps each: two frames per polyp (prototype + noise), two background frames, and one
     * description per polyp. After training, each description's attention goes to its own polyp's frames.
     */
    @Test
    void crossAttentionLearnsToAttendToTheDescribedPolypsFrames() {
        Engine.getInstance().setRandomSeed(3);
        int e = 16;
        int patients = 6;
        try (NDManager m = NDManager.newBaseManager()) {
            PatientCrossAttention attention = new PatientCrossAttention(e, 1);
            attention.initialize(m);
            NDArray logScale = m.create(2.6f);
            logScale.setRequiresGradient(true);
            NDArray prototypes = ClipModel.normalize(m.randomNormal(new Shape(12, e)));
            ParameterStore store = new ParameterStore(m, false);
            Map<String, Parameter> params = attention.stateParameters();
            AdamW adam = new AdamW(m);
            SplittableRandom random = new SplittableRandom(1);
            float[] lastWeights = null;
            for (int step = 0; step < 200; step++) {
                try (NDManager scope = m.newSubManager()) {
                    NDList batch = patientBatch(scope, prototypes, patients, random);
                    NDArray text = batch.get(0);
                    NDArray frames = batch.get(1);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        PatientCrossAttention.Result r = attention.attend(store, text, frames, scope.ones(new Shape(patients, 6)), true);
                        NDArray loss = new PatientContrastiveLoss().apply(text, ClipModel.normalize(r.visual()),
                                scope.ones(new Shape(patients, 2)), logScale);
                        gc.backward(loss);
                        lastWeights = r.weights().get(":, :, :, :").toFloatArray();
                    }
                    adam.beginStep();
                    Gradients.collect(params, scope).forEach((name, g) -> adam.update(name, params.get(name).getArray(), g, 1e-2, 0));
                    Gradients.zero(params);
                }
            }
            // weights (B, P, D, F): own patient (b == p), description 0 -> frames 0,1; description 1 -> frames 2,3
            double own = 0;
            double other = 0;
            double background = 0;
            for (int b = 0; b < patients; b++) {
                for (int d = 0; d < 2; d++) {
                    int base = ((b * patients + b) * 2 + d) * 6;
                    own += lastWeights[base + 2 * d] + lastWeights[base + 2 * d + 1];
                    other += lastWeights[base + 2 * (1 - d)] + lastWeights[base + 2 * (1 - d) + 1];
                    background += lastWeights[base + 4] + lastWeights[base + 5];
                }
            }
            own /= patients * 2;
            other /= patients * 2;
            background /= patients * 2;
            // Uniform attention would give 1/3 to each pair of frames.
            String summary = "attention on own polyp " + own + ", other polyp " + other + ", background " + background;
            assertTrue(own > 0.4, summary);
            assertTrue(own > 1.5 * other && own > 1.5 * background, summary);
        }
    }

    /** Text (B, 2, E): two polyp prototypes per patient; frames (B, 6, E): 2 + 2 polyp frames, 2 background. */
    private static NDList patientBatch(NDManager scope, NDArray prototypes, int patients, SplittableRandom random) {
        NDList texts = new NDList();
        NDList frames = new NDList();
        int e = (int) prototypes.getShape().get(1);
        for (int b = 0; b < patients; b++) {
            int first = random.nextInt(10);
            int second = (first + 1 + random.nextInt(9)) % 10;
            NDArray p1 = prototypes.get(first);
            NDArray p2 = prototypes.get(second);
            texts.add(NDArrays.stack(new NDList(p1, p2)));
            NDArray noise = scope.randomNormal(0f, 0.3f, new Shape(6, e), ai.djl.ndarray.types.DataType.FLOAT32);
            NDArray background = prototypes.get("10:12");
            frames.add(NDArrays.stack(new NDList(p1, p1, p2, p2, background.get(0), background.get(1))).add(noise));
        }
        NDArray text = ClipModel.normalize(NDArrays.stack(texts));
        NDArray frame = ClipModel.normalize(NDArrays.stack(frames));
        text.attach(scope);
        frame.attach(scope);
        return new NDList(text, frame);
    }
}
