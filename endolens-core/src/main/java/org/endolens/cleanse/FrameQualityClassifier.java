package org.endolens.cleanse;

import java.nio.file.Path;

/**
 * Decides from a frame's {@link FrameFeatures} whether it is informative or background, and why: either the
 * untrained {@link #defaults() rule thresholds} or a {@link LogisticQualityModel} trained on labelled frames.
 */
public sealed interface FrameQualityClassifier permits QualityRules, LogisticQualityModel {

    /** The decision for one frame's features, measured at {@link #maxSide()}. */
    FrameDecision decide(FrameFeatures features);

    /** The working resolution (long side, pixels) the features must be measured at. */
    int maxSide();

    /** One line naming the classifier for summaries and logs. */
    String describe();

    /** Rule thresholds on the features, usable without any training. */
    static FrameQualityClassifier defaults() {
        return QualityRules.defaults();
    }

    /** A logistic model saved by {@link LogisticQualityModel#save(Path)}. */
    static FrameQualityClassifier load(Path file) {
        return LogisticQualityModel.load(file);
    }
}
