package org.endolens.data.synthetic;

import java.util.SplittableRandom;

/**
 * The colour and texture of one patient's mucosa on one exam, shared by all of the exam's frames.
 *
 * @param red base albedo, 0-1
 * @param green base albedo, 0-1
 * @param blue base albedo, 0-1
 * @param vesselContrast how strongly the submucosal vessel network darkens the albedo, 0-1
 * @param foldFrequency haustral folds per unit of log distance from the lumen
 * @param foldDepth fold height relative to the distance from the lumen
 */
record MucosaLook(double red, double green, double blue, double vesselContrast, double foldFrequency,
        double foldDepth) {
    private static final double RED_MIN = 0.82;
    private static final double RED_MAX = 0.95;
    private static final double GREEN_MIN = 0.3;
    private static final double GREEN_MAX = 0.42;
    /** Blue stays below green so the hue is orange-red, never magenta. */
    private static final double BLUE_TO_GREEN_MIN = 0.65;
    private static final double BLUE_TO_GREEN_MAX = 0.85;
    private static final double VESSEL_CONTRAST_MIN = 0.3;
    private static final double VESSEL_CONTRAST_MAX = 0.9;
    private static final double FOLD_FREQUENCY_MIN = 1.4;
    private static final double FOLD_FREQUENCY_MAX = 2.4;
    private static final double FOLD_DEPTH_MIN = 0.03;
    private static final double FOLD_DEPTH_MAX = 0.06;

    /** A plausible pink-orange-red mucosa. */
    static MucosaLook sample(SplittableRandom random) {
        double green = Choices.between(random, GREEN_MIN, GREEN_MAX);
        return new MucosaLook(Choices.between(random, RED_MIN, RED_MAX), green,
                green * Choices.between(random, BLUE_TO_GREEN_MIN, BLUE_TO_GREEN_MAX),
                Choices.between(random, VESSEL_CONTRAST_MIN, VESSEL_CONTRAST_MAX),
                Choices.between(random, FOLD_FREQUENCY_MIN, FOLD_FREQUENCY_MAX),
                Choices.between(random, FOLD_DEPTH_MIN, FOLD_DEPTH_MAX));
    }
}
