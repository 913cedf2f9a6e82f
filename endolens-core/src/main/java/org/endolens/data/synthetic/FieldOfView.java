package org.endolens.data.synthetic;

/**
 * The endoscope's optics for one image size: the octagonal field of view (black outside, anti-aliased over one
 * pixel), the vignette that darkens toward its edge, and per row the span of pixels worth rendering.
 */
final class FieldOfView {
    private static final double HALF_WIDTH = 0.485;
    private static final double CORNER = 0.69;
    private static final double VIGNETTE_STRENGTH = 0.5;
    private static final double VIGNETTE_RADIUS = 0.6;
    private static final double VIGNETTE_EXPONENT = 2.5;

    private final int size;
    private final float[] coverage;
    private final float[] vignette;
    private final int[] rowStart;
    private final int[] rowEnd;

    FieldOfView(int size) {
        this.size = size;
        coverage = new float[size * size];
        vignette = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double u = Math.abs((x + 0.5) / size - 0.5);
                double v = Math.abs((y + 0.5) / size - 0.5);
                double edge = Math.min(HALF_WIDTH - Math.max(u, v), (CORNER - u - v) / Math.sqrt(2));
                coverage[y * size + x] = (float) Math.min(1, Math.max(0, edge * size + 0.5));
                vignette[y * size + x] = (float) (1 - VIGNETTE_STRENGTH
                        * Math.pow(Math.sqrt(u * u + v * v) / VIGNETTE_RADIUS, VIGNETTE_EXPONENT));
            }
        }
        rowStart = new int[size];
        rowEnd = new int[size];
        for (int y = 0; y < size; y++) {
            int start = size;
            int end = 0;
            // A pixel's shading reads its four neighbours, so the span covers the rows above and below, plus one.
            for (int row = Math.max(0, y - 1); row <= Math.min(size - 1, y + 1); row++) {
                for (int x = 0; x < size; x++) {
                    if (coverage[row * size + x] > 0) {
                        start = Math.min(start, x);
                        end = Math.max(end, x + 1);
                    }
                }
            }
            rowStart[y] = Math.max(0, start - 1);
            rowEnd[y] = Math.min(size, end + 1);
        }
    }

    /** How much of pixel {@code i} (row-major) lies inside the field of view, 0-1. */
    double coverage(int i) {
        return coverage[i];
    }

    /** Brightness factor of the scope's light at pixel {@code i}, 1 at the centre, about 0.6 at the edge. */
    double vignette(int i) {
        return vignette[i];
    }

    /** First pixel of row {@code y} that may be inside the field of view (or next to one that is). */
    int rowStart(int y) {
        return rowStart[y];
    }

    /** One past the last such pixel of row {@code y}. */
    int rowEnd(int y) {
        return rowEnd[y];
    }
}
