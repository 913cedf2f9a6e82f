package org.endolens.data.synthetic;

/**
 * Size and seed of a synthetic colonoscopy data set. The same config (seed included) always produces the same
 * records, reports and pixels.
 *
 * @param patients number of patients
 * @param minExamsPerPatient fewest exams per patient (follow-ups of the first)
 * @param maxExamsPerPatient most exams per patient
 * @param framesPerExam frames per exam: polyp views, normal mucosa and background frames
 * @param imageSize width and height of every frame, pixels
 * @param backgroundFraction share of each exam's frames that are non-informative (fewer when the exam's polyps
 *     need the room)
 * @param maxPolypsPerExam most polyp entries in one exam
 * @param seed seed of every random choice
 */
public record SyntheticConfig(
        int patients,
        int minExamsPerPatient,
        int maxExamsPerPatient,
        int framesPerExam,
        int imageSize,
        double backgroundFraction,
        int maxPolypsPerExam,
        long seed) {

    private static final int MIN_IMAGE_SIZE = 32;
    /** Reports number polyp entries with ordinal words up to "sixth". */
    private static final int MAX_POLYP_ENTRIES = 6;

    public SyntheticConfig {
        require(patients >= 1, "patients must be at least 1, got " + patients);
        require(minExamsPerPatient >= 1 && minExamsPerPatient <= maxExamsPerPatient,
                "exams per patient must satisfy 1 <= min <= max, got "
                        + minExamsPerPatient + ".." + maxExamsPerPatient);
        require(maxPolypsPerExam >= 0 && maxPolypsPerExam <= MAX_POLYP_ENTRIES,
                "maxPolypsPerExam must be in [0, " + MAX_POLYP_ENTRIES + "], got " + maxPolypsPerExam);
        require(framesPerExam >= maxPolypsPerExam + 1, "framesPerExam must leave room for one view of each of "
                + maxPolypsPerExam + " polyps and one normal frame, got " + framesPerExam);
        require(imageSize >= MIN_IMAGE_SIZE, "imageSize must be at least " + MIN_IMAGE_SIZE + ", got " + imageSize);
        require(backgroundFraction >= 0 && backgroundFraction < 1,
                "backgroundFraction must be in [0, 1), got " + backgroundFraction);
    }

    /**
     * The {@code endolens demo} data set: 40 patients, 59 exams, 708 frames at 224 x 224, about 9 s of CPU time
     * (under 5 s on two cores).
     */
    public static SyntheticConfig demo() {
        return new SyntheticConfig(40, 1, 2, 12, 224, 0.25, 3, 0);
    }

    /** A few exams of small frames, for unit tests (well under a second). */
    public static SyntheticConfig tiny() {
        return new SyntheticConfig(2, 1, 2, 10, 96, 0.3, 2, 0);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
