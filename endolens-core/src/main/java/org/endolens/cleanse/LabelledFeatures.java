package org.endolens.cleanse;

import org.endolens.metrics.ConfusionMatrix;

import java.util.List;

/**
 * Measured frames with their informative/background labels: what a {@link LogisticQualityModel} is fitted to and
 * a classifier is scored on.
 *
 * @param source the labels or records file the frames came from
 * @param features one row per readable frame
 * @param informative the label of each row
 */
public record LabelledFeatures(String source, List<FrameFeatures> features, boolean[] informative) {
    private static final int INFORMATIVE = 0;
    private static final int BACKGROUND = 1;

    public LabelledFeatures {
        features = List.copyOf(features);
        informative = informative.clone();
        if (features.size() != informative.length) {
            throw new IllegalArgumentException(features.size() + " feature rows but " + informative.length + " labels");
        }
    }

    @Override
    public boolean[] informative() {
        return informative.clone();
    }

    public int size() {
        return features.size();
    }

    /** Frames labelled informative. */
    public int informativeCount() {
        int count = 0;
        for (boolean label : informative) {
            count += label ? 1 : 0;
        }
        return count;
    }

    /** Confusion of the true and predicted classes, class 0 informative and class 1 background. */
    public ConfusionMatrix confusion(FrameQualityClassifier classifier) {
        int[] truth = new int[informative.length];
        int[] predicted = new int[informative.length];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = informative[i] ? INFORMATIVE : BACKGROUND;
            predicted[i] = classifier.decide(features.get(i)).informative() ? INFORMATIVE : BACKGROUND;
        }
        return ConfusionMatrix.of(truth, predicted, 2);
    }

    /** F1 of background-frame detection: background frames are the positives. */
    public double backgroundF1(FrameQualityClassifier classifier) {
        return confusion(classifier).f1(BACKGROUND);
    }
}
