package org.endolens.tasks;

import java.util.List;

/**
 * CLIP zero-shot classification: each class is the renormalised mean of its prompt embeddings (templates x class
 * names, CLIP's prompt ensembling); an image's class scores are the cosine similarities to the class embeddings.
 */
public final class ZeroShotClassifier {
    /** CLIP's default prompt templates adapted to endoscopy. */
    public static final List<String> ENDOSCOPY_TEMPLATES = List.of(
            "a colonoscopy image of {}.",
            "an endoscopic image showing {}.",
            "a photo of {} in the colon.",
            "{}.");

    private final float[][] classEmbeddings;

    /** @param promptEmbeddings per class, the text embeddings of its prompts */
    public ZeroShotClassifier(List<float[][]> promptEmbeddings) {
        this.classEmbeddings = promptEmbeddings.stream().map(p -> Embeddings.normalizedMean(Embeddings.normalize(p)))
                .toArray(float[][]::new);
    }

    /** The prompts of one class: every template filled with every name of the class. */
    public static List<String> prompts(List<String> templates, List<String> classNames) {
        return templates.stream().flatMap(t -> classNames.stream().map(n -> t.replace("{}", n))).toList();
    }

    /** Cosine similarities {@code (N, C)}. */
    public float[][] scores(float[][] imageEmbeddings) {
        return Embeddings.similarity(Embeddings.normalize(imageEmbeddings), classEmbeddings);
    }

    public int[] predict(float[][] imageEmbeddings) {
        return java.util.Arrays.stream(scores(imageEmbeddings)).mapToInt(Embeddings::argmax).toArray();
    }
}
