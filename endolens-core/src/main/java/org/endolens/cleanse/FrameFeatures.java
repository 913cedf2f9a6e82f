package org.endolens.cleanse;

import java.util.List;

/**
 * The interpretable quality measurements of one frame, taken by {@link FrameQualityScorer} on the frame scaled to
 * its working resolution. "In view" pixels are those inside the endoscope's field of view (not the black border
 * around it), "interior" ones are in view at least 2 pixels from its rim, and "well exposed" ones are in view and
 * neither under- nor over-exposed.
 *
 * @param sharpness variance of the 4-neighbour Laplacian of luma (0-255 units) over the interior pixels; 0 for a
 *     flat image, lower for blurred frames
 * @param motionBlur 1 − λmin/λmax of the structure tensor of the interior pixels' luma gradients: 0 when gradients
 *     point every way, near 1 when they all point one way, as after a blur along one direction
 * @param underexposed share of in-view pixels with luma below 0.1; 1 for a frame with no pixel in view
 * @param overexposed share of in-view pixels with luma above 0.95
 * @param meanLuma mean luma of the in-view pixels, 0-1
 * @param specular share of in-view pixels that are bright and nearly white (HSV value ≥ 0.9, saturation ≤ 0.25):
 *     specular reflections and glare
 * @param hueMean saturation-weighted circular mean hue of the well-exposed pixels, degrees in (−180, 180]: the angle
 *     of (R − (G + B)/2, √3/2 (G − B)), red at 0, yellow at 60, green at 120
 * @param hueStd circular standard deviation of that hue, degrees
 * @param saturationMean mean HSV saturation of the well-exposed pixels, 0-1
 * @param saturationStd standard deviation of that saturation
 * @param mucosa mucosa-likeness: mean red dominance {@code max(0, (R − max(G, B)) / R)} of the well-exposed
 *     pixels, 0-1 (about 0.6 for pink-red mucosa, 0 for grey, white, yellow or green)
 * @param bubbles share of interior pixels (in view, 2 pixels from its rim) on thin bright lines or dots: brighter
 *     than both neighbours along some direction by 0.2 luma, as bubble rims and glints are (and thin specular streaks)
 * @param entropy Shannon entropy of the in-view pixels' 256-level luma histogram, bits (0-8)
 * @param fieldOfView share of the frame's pixels inside the field of view
 */
public record FrameFeatures(
        double sharpness,
        double motionBlur,
        double underexposed,
        double overexposed,
        double meanLuma,
        double specular,
        double hueMean,
        double hueStd,
        double saturationMean,
        double saturationStd,
        double mucosa,
        double bubbles,
        double entropy,
        double fieldOfView) {

    /** Feature names in {@link #toArray()} order, as they appear in report columns and model files. */
    public static final List<String> NAMES = List.of("sharpness", "motion_blur", "underexposed", "overexposed",
            "mean_luma", "specular", "hue_mean", "hue_std", "saturation_mean", "saturation_std", "mucosa", "bubbles",
            "entropy", "field_of_view");

    /** The features from an array in the order of {@link #NAMES}, the inverse of {@link #toArray()}. */
    public static FrameFeatures fromArray(double[] x) {
        if (x.length != NAMES.size()) {
            throw new IllegalArgumentException("expected " + NAMES.size() + " features " + NAMES + ", got " + x.length);
        }
        return new FrameFeatures(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9], x[10], x[11], x[12],
                x[13]);
    }

    /** The features in the fixed order of {@link #NAMES}. */
    public double[] toArray() {
        return new double[] {sharpness, motionBlur, underexposed, overexposed, meanLuma, specular, hueMean, hueStd,
            saturationMean, saturationStd, mucosa, bubbles, entropy, fieldOfView};
    }
}
