package org.endolens.tasks.detect;

import java.util.List;
import org.endolens.data.Box;
import org.endolens.data.transform.FloatTensor;

/**
 * CenterNet's training targets for one image (Zhou et al. 2019, section 3), computed on the host from boxes in the
 * model's input pixels: at output stride {@code stride} each box's centre {@code c = ((x0 + x1) / 2, (y0 + y1) / 2) /
 * stride} falls in cell {@code floor(c)}; the class's heatmap gets a Gaussian there (elementwise maximum where objects
 * overlap) with CenterNet's radius for the box size (CornerNet's {@code gaussian_radius} at minimum overlap 0.7,
 * sigma = diameter / 6), the cell gets the box size {@code (w, h) / stride} and offset {@code c - floor(c)}, and the
 * centre mask marks it. {@link CenterNetDecoder} inverts this exactly.
 */
public final class CenterNetTargets {
    public static final String HEATMAP = "heatmap";
    public static final String SIZE = "size";
    public static final String OFFSET = "offset";
    public static final String CENTRES = "centres";
    /** CenterNet's (and CornerNet's) minimum IoU a box shifted within the radius still reaches. */
    public static final double MIN_OVERLAP = 0.7;

    private CenterNetTargets() {}

    /** Targets of one image: flattened row-major maps of the output grid. */
    public record Encoded(int classes, int height, int width, float[] heatmap, float[] size, float[] offset,
            float[] centres) {
        /** As named tensors: {@code heatmap (C, h, w)}, {@code size (2, h, w)}, {@code offset (2, h, w)}, {@code centres (1, h, w)}. */
        public List<FloatTensor> tensors() {
            return List.of(new FloatTensor(HEATMAP, new long[] {classes, height, width}, heatmap),
                    new FloatTensor(SIZE, new long[] {2, height, width}, size),
                    new FloatTensor(OFFSET, new long[] {2, height, width}, offset),
                    new FloatTensor(CENTRES, new long[] {1, height, width}, centres));
        }
    }

    /**
     * @param boxes boxes in an {@code imageWidth x imageHeight} input
     * @param classOfBox heatmap channel of each box
     * @param classes number of heatmap channels
     */
    public static Encoded encode(List<Box> boxes, int[] classOfBox, int classes, int imageWidth, int imageHeight,
            int stride) {
        if (imageWidth % stride != 0 || imageHeight % stride != 0) {
            throw new IllegalArgumentException("the " + imageWidth + "x" + imageHeight + " input is not a multiple of the"
                    + " stride " + stride);
        }
        int w = imageWidth / stride;
        int h = imageHeight / stride;
        float[] heatmap = new float[classes * h * w];
        float[] size = new float[2 * h * w];
        float[] offset = new float[2 * h * w];
        float[] centres = new float[h * w];
        for (int i = 0; i < boxes.size(); i++) {
            Box box = boxes.get(i);
            double boxW = box.width() / stride;
            double boxH = box.height() / stride;
            double cx = (box.xmin() + box.xmax()) / 2 / stride;
            double cy = (box.ymin() + box.ymax()) / 2 / stride;
            int x = Math.min(w - 1, (int) Math.floor(cx));
            int y = Math.min(h - 1, (int) Math.floor(cy));
            int radius = Math.max(0, (int) gaussianRadius(Math.ceil(boxH), Math.ceil(boxW), MIN_OVERLAP));
            drawGaussian(heatmap, classOfBox[i] * h * w, w, h, x, y, radius);
            int cell = y * w + x;
            size[cell] = (float) boxW;
            size[h * w + cell] = (float) boxH;
            offset[cell] = (float) (cx - x);
            offset[h * w + cell] = (float) (cy - y);
            centres[cell] = 1f;
        }
        return new Encoded(classes, h, w, heatmap, size, offset, centres);
    }

    /**
     * CenterNet's {@code gaussian_radius}: the smallest of the three radii (corners moved together, both inward, both
     * outward) at which a box of {@code height x width} keeps IoU {@code minOverlap}; kept as published.
     */
    public static double gaussianRadius(double height, double width, double minOverlap) {
        double b1 = height + width;
        double c1 = width * height * (1 - minOverlap) / (1 + minOverlap);
        double r1 = (b1 + Math.sqrt(b1 * b1 - 4 * c1)) / 2;
        double b2 = 2 * (height + width);
        double c2 = (1 - minOverlap) * width * height;
        double r2 = (b2 + Math.sqrt(b2 * b2 - 16 * c2)) / 2;
        double a3 = 4 * minOverlap;
        double b3 = -2 * minOverlap * (height + width);
        double c3 = (minOverlap - 1) * width * height;
        double r3 = (b3 + Math.sqrt(b3 * b3 - 4 * a3 * c3)) / 2;
        return Math.min(r1, Math.min(r2, r3));
    }

    /**
     * CenterNet's {@code draw_umich_gaussian}: the maximum of the map and {@code exp(-(dx^2 + dy^2) / (2 sigma^2))},
     * sigma = (2 radius + 1) / 6, over the square of {@code radius} around (x, y), clipped to the map; values below
     * machine epsilon times the peak are zero, as in {@code gaussian2D}.
     */
    static void drawGaussian(float[] map, int base, int width, int height, int x, int y, int radius) {
        double sigma = (2 * radius + 1) / 6.0;
        for (int dy = -radius; dy <= radius; dy++) {
            int yy = y + dy;
            if (yy < 0 || yy >= height) {
                continue;
            }
            for (int dx = -radius; dx <= radius; dx++) {
                int xx = x + dx;
                if (xx < 0 || xx >= width) {
                    continue;
                }
                double g = Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
                if (g < Math.ulp(1.0)) {
                    g = 0;
                }
                int index = base + yy * width + xx;
                map[index] = Math.max(map[index], (float) g);
            }
        }
    }
}
