package org.endolens.tasks;

import java.util.Arrays;

/** Row-wise helpers for embedding matrices held as {@code float[rows][dim]}. */
public final class Embeddings {
    private Embeddings() {}

    /** A copy with every row scaled to unit L2 norm (zero rows stay zero). */
    public static float[][] normalize(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double norm = 0;
            for (float v : rows[i]) {
                norm += (double) v * v;
            }
            double inv = norm == 0 ? 0 : 1 / Math.sqrt(norm);
            out[i] = new float[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                out[i][j] = (float) (rows[i][j] * inv);
            }
        }
        return out;
    }

    /** {@code a @ b^T}. */
    public static float[][] similarity(float[][] a, float[][] b) {
        float[][] out = new float[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                double dot = 0;
                for (int k = 0; k < a[i].length; k++) {
                    dot += (double) a[i][k] * b[j][k];
                }
                out[i][j] = (float) dot;
            }
        }
        return out;
    }

    /** Mean of the given rows, renormalised (CLIP's prompt ensembling and prototype classifiers). */
    public static float[] normalizedMean(float[][] rows) {
        float[] mean = new float[rows[0].length];
        for (float[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                mean[j] += row[j] / rows.length;
            }
        }
        return normalize(new float[][] {mean})[0];
    }

    public static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Rows of {@code rows} at {@code indices}. */
    public static float[][] select(float[][] rows, int[] indices) {
        return Arrays.stream(indices).mapToObj(i -> rows[i]).toArray(float[][]::new);
    }
}
