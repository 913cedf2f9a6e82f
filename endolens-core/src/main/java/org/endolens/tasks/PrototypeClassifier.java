package org.endolens.tasks;

import java.util.ArrayList;
import java.util.List;

/** Nearest class mean on L2-normalised features, scored by cosine similarity (the usual few-shot baseline). */
public final class PrototypeClassifier {
    private final float[][] prototypes;

    private PrototypeClassifier(float[][] prototypes) {
        this.prototypes = prototypes;
    }

    public static PrototypeClassifier fit(float[][] features, int[] labels, int classes) {
        float[][] normalized = Embeddings.normalize(features);
        float[][] prototypes = new float[classes][];
        for (int c = 0; c < classes; c++) {
            List<float[]> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    members.add(normalized[i]);
                }
            }
            if (members.isEmpty()) {
                throw new IllegalArgumentException("class " + c + " has no training example");
            }
            prototypes[c] = Embeddings.normalizedMean(members.toArray(float[][]::new));
        }
        return new PrototypeClassifier(prototypes);
    }

    public float[][] scores(float[][] features) {
        return Embeddings.similarity(Embeddings.normalize(features), prototypes);
    }

    public int[] predict(float[][] features) {
        return java.util.Arrays.stream(scores(features)).mapToInt(Embeddings::argmax).toArray();
    }
}
