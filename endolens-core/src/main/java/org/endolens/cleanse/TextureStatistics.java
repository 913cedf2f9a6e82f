package org.endolens.cleanse;

/**
 * Texture of the interior pixels of a scaled frame: Laplacian variance (sharpness), the structure tensor of 2 x 2
 * luma differences (how directional the gradients are) and the share of pixels on thin bright lines or dots.
 */
final class TextureStatistics {
    /** Laplacian in the 0-255 units of OpenCV's variance-of-Laplacian blur measure. */
    private static final float LAPLACIAN_SCALE = 255f;
    /**
     * A thin bright detail (bubble rim, glint, specular streak) is brighter than both its neighbours along some
     * direction by this much luma; chosen where synthetic bubble rims and real (Kvasir-SEG, CVC-ClinicDB) specular
     * highlights part best (docs/formats.md, "Frame cleansing").
     */
    private static final float RIDGE_MARGIN = 0.2f;

    final double sharpness;
    final double motionBlur;
    final double ridges;

    /** Statistics over the {@code interior} pixels, whose 8 neighbours must lie in the frame; 0 when there are none. */
    TextureStatistics(ScaledFrame f, boolean[] interior) {
        int w = f.width;
        float[] luma = f.luma;
        double lapSum = 0;
        double lapSquares = 0;
        double jxx = 0;
        double jyy = 0;
        double jxy = 0;
        int ridgePixels = 0;
        int count = 0;
        for (int i = 0; i < interior.length; i++) {
            if (!interior[i]) {
                continue;
            }
            float centre = luma[i];
            float left = luma[i - 1];
            float right = luma[i + 1];
            float above = luma[i - w];
            float below = luma[i + w];
            float belowRight = luma[i + w + 1];
            float laplacian = LAPLACIAN_SCALE * (4 * centre - left - right - above - below);
            lapSum += laplacian;
            lapSquares += laplacian * laplacian;
            float dx = 0.5f * (right - centre + belowRight - below);
            float dy = 0.5f * (below - centre + belowRight - right);
            jxx += dx * dx;
            jyy += dy * dy;
            jxy += dx * dy;
            float ridge = Math.max(Math.min(centre - left, centre - right), Math.min(centre - above, centre - below));
            ridge = Math.max(ridge, Math.min(centre - luma[i - w - 1], centre - belowRight));
            ridge = Math.max(ridge, Math.min(centre - luma[i - w + 1], centre - luma[i + w - 1]));
            if (ridge >= RIDGE_MARGIN) {
                ridgePixels++;
            }
            count++;
        }
        int n = Math.max(1, count);
        double lapMean = lapSum / n;
        sharpness = Math.max(0, lapSquares / n - lapMean * lapMean);
        ridges = (double) ridgePixels / n;
        double trace = jxx + jyy;
        double root = Math.sqrt((jxx - jyy) * (jxx - jyy) + 4 * jxy * jxy);
        // 1 - smallest / largest eigenvalue; no gradient at all is no direction either.
        motionBlur = trace > 0 ? 1 - Math.max(0, trace - root) / (trace + root) : 0;
    }
}
