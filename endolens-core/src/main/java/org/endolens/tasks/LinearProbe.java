package org.endolens.tasks;

import org.endolens.train.AdamW;
import org.endolens.train.CrossEntropyLoss;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

/**
 * Linear probe on frozen features: multinomial logistic regression with an L2 penalty (the CLIP paper's
 * protocol, there solved by L-BFGS), fitted here full-batch by Adam from zero weights, so a fit is deterministic.
 * Features are used L2-normalised.
 */
public final class LinearProbe {
    public static final double DEFAULT_L2 = 1e-3;
    public static final int DEFAULT_ITERATIONS = 100;
    private static final double LEARNING_RATE = 0.1;

    private final float[][] weights; // (C, D)
    private final float[] bias;

    private LinearProbe(float[][] weights, float[] bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /** Fits {@code classes}-way logistic regression of {@code labels} on {@code features}. */
    public static LinearProbe fit(float[][] features, int[] labels, int classes, double l2, int iterations) {
        if (features.length == 0 || features.length != labels.length) {
            throw new IllegalArgumentException("need as many labels as feature rows (and at least one), got "
                    + labels.length + " and " + features.length);
        }
        int dim = features[0].length;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(Embeddings.normalize(features));
            NDArray y = manager.create(labels).toType(DataType.INT64, false);
            NDArray w = manager.zeros(new Shape(classes, dim));
            NDArray b = manager.zeros(new Shape(classes));
            w.setRequiresGradient(true);
            b.setRequiresGradient(true);
            AdamW adam = new AdamW(manager);
            for (int i = 0; i < iterations; i++) {
                try (NDManager step = manager.newSubManager()) {
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray logits = x.matMul(w.transpose()).add(b);
                        NDArray loss = CrossEntropyLoss.apply(logits, y).add(w.square().sum().mul(step.create((float) (l2 / 2))));
                        loss.attach(step);
                        logits.attach(step);
                        gc.backward(loss);
                    }
                    adam.beginStep();
                    NDArray gw = w.getGradient();
                    NDArray gb = b.getGradient();
                    gw.attach(step);
                    gb.attach(step);
                    adam.update("w", w, gw, LEARNING_RATE, 0);
                    adam.update("b", b, gb, LEARNING_RATE, 0);
                    gw.subi(gw);
                    gb.subi(gb);
                }
            }
            float[] flat = w.toFloatArray();
            float[][] out = new float[classes][dim];
            for (int c = 0; c < classes; c++) {
                System.arraycopy(flat, c * dim, out[c], 0, dim);
            }
            return new LinearProbe(out, b.toFloatArray());
        }
    }

    /** Class scores {@code (N, C)} of new features. */
    public float[][] scores(float[][] features) {
        float[][] s = Embeddings.similarity(Embeddings.normalize(features), weights);
        for (float[] row : s) {
            for (int c = 0; c < row.length; c++) {
                row[c] += bias[c];
            }
        }
        return s;
    }

    public int[] predict(float[][] features) {
        return java.util.Arrays.stream(scores(features)).mapToInt(Embeddings::argmax).toArray();
    }
}
