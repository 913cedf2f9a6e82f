package org.endolens.cleanse;

/**
 * Exposure and colour statistics of the in-view pixels of a scaled frame, gathered in one pass: exposure
 * fractions, glare, the luma histogram's entropy, and hue, saturation and red dominance of the well-exposed pixels.
 */
final class ToneStatistics {
    /** Luma limits of the exposure fractions: below 0.1 is under-, above 0.95 over-exposed (clipped highlights). */
    private static final float DARK_LUMA = 0.1f;
    private static final float BRIGHT_LUMA = 0.95f;
    /** Specular reflection of the scope's white light: a bright pixel (HSV value ≥ 0.9) that is nearly white. */
    private static final float SPECULAR_VALUE = 0.9f;
    private static final float SPECULAR_SATURATION = 0.25f;
    private static final int LUMA_LEVELS = 256;
    /** Hue spread is capped where the mean resultant length is this small (a frame with no dominant hue). */
    private static final double MIN_RESULTANT = 1e-3;
    private static final float HALF_SQRT_3 = (float) (Math.sqrt(3) / 2);

    final double underexposed;
    final double overexposed;
    final double meanLuma;
    final double specular;
    final double entropy;
    final double hueMean;
    final double hueStd;
    final double saturationMean;
    final double saturationStd;
    final double mucosa;

    /**
     * Hue is the angle of the opponent-colour vector (R − (G + B)/2, √3/2 (G − B)), red at 0° and yellow at
     * 60°, averaged with HSV-saturation weights so that greyish pixels, whose hue is noise, count little. Needs at
     * least one pixel in view.
     */
    ToneStatistics(ScaledFrame f, boolean[] inView, int inViewCount) {
        int[] histogram = new int[LUMA_LEVELS];
        int dark = 0;
        int bright = 0;
        int glare = 0;
        double lumaSum = 0;
        double cosSum = 0;
        double sinSum = 0;
        double saturationSum = 0;
        double saturationSquares = 0;
        double rednessSum = 0;
        int wellExposed = 0;
        for (int i = 0; i < inView.length; i++) {
            if (!inView[i]) {
                continue;
            }
            float y = f.luma[i];
            float r = f.red[i];
            float g = f.green[i];
            float b = f.blue[i];
            float max = Math.max(r, Math.max(g, b));
            float min = Math.min(r, Math.min(g, b));
            lumaSum += y;
            histogram[Math.min(LUMA_LEVELS - 1, (int) (y * (LUMA_LEVELS - 1) + 0.5f))]++;
            if (max >= SPECULAR_VALUE && max - min <= SPECULAR_SATURATION * max) {
                glare++;
            }
            if (y < DARK_LUMA) {
                dark++;
                continue;
            }
            if (y > BRIGHT_LUMA) {
                bright++;
                continue;
            }
            float toUnit = 1 / max;
            float saturation = (max - min) * toUnit;
            float alpha = r - 0.5f * (g + b);
            float beta = HALF_SQRT_3 * (g - b);
            float chroma = (float) Math.sqrt(alpha * alpha + beta * beta);
            if (chroma > 0) {
                float weight = saturation / chroma;
                cosSum += weight * alpha;
                sinSum += weight * beta;
            }
            saturationSum += saturation;
            saturationSquares += saturation * saturation;
            // Red dominance is positive only where red is the brightest channel.
            if (r == max) {
                rednessSum += (r - Math.max(g, b)) * toUnit;
            }
            wellExposed++;
        }
        double n = inViewCount;
        underexposed = dark / n;
        overexposed = bright / n;
        meanLuma = lumaSum / n;
        specular = glare / n;
        entropy = entropy(histogram, inViewCount);
        int m = Math.max(1, wellExposed);
        saturationMean = saturationSum / m;
        saturationStd = Math.sqrt(Math.max(0, saturationSquares / m - saturationMean * saturationMean));
        mucosa = rednessSum / m;
        hueMean = saturationSum > 0 ? Math.toDegrees(Math.atan2(sinSum, cosSum)) : 0;
        // Rounding can put a single hue's resultant a hair above 1; no saturation at all means no spread either.
        double resultant = saturationSum > 0
                ? Math.min(1, Math.max(MIN_RESULTANT, Math.hypot(cosSum, sinSum) / saturationSum)) : 1;
        hueStd = Math.toDegrees(Math.sqrt(-2 * Math.log(resultant)));
    }

    private static double entropy(int[] histogram, int total) {
        double bits = 0;
        for (int count : histogram) {
            if (count > 0) {
                double p = (double) count / total;
                bits -= p * Math.log(p);
            }
        }
        return bits / Math.log(2);
    }
}
