package org.endolens.data.transform;

import org.endolens.data.Box;

import java.util.ArrayList;
import java.util.List;

/**
 * A 2-D affine map of continuous pixel coordinates (pixel (x, y) covers [x, x+1) x [y, y+1)),
 * {@code x' = a x + b y + c}, {@code y' = d x + e y + f}: how every geometric transform moves boxes.
 */
record Affine(double a, double b, double c, double d, double e, double f) {
    /**
     * Boxes narrower or lower than this after a transform have vanished and are dropped, as torchvision's
     * {@code SanitizeBoundingBoxes(min_size=1)} does.
     */
    static final double MIN_BOX_SIDE = 1.0;

    /** The crop {@code region} scaled to {@code width x height}. */
    static Affine resizedCrop(CropRegion region, int width, int height) {
        double sx = (double) width / region.width();
        double sy = (double) height / region.height();
        return new Affine(sx, 0, -region.left() * sx, 0, sy, -region.top() * sy);
    }

    /** Mirror image left-right in an image {@code width} wide. */
    static Affine flipHorizontal(int width) {
        return new Affine(-1, 0, width, 0, 1, 0);
    }

    /** Mirror image top-bottom in an image {@code height} high. */
    static Affine flipVertical(int height) {
        return new Affine(1, 0, 0, 0, -1, height);
    }

    /** {@code turns} quarter turns counter-clockwise of a {@code width x height} image, as {@link PixelMap}'s. */
    static Affine quarterTurns(int width, int height, int turns) {
        return switch (Math.floorMod(turns, 4)) {
            case 0 -> new Affine(1, 0, 0, 0, 1, 0);
            case 1 -> new Affine(0, 1, 0, -1, 0, width);
            case 2 -> new Affine(-1, 0, width, 0, -1, height);
            default -> new Affine(0, -1, height, 1, 0, 0);
        };
    }

    /**
     * Rotation by {@code degrees} counter-clockwise as seen on screen (y points down) about the centre of a
     * {@code width x height} image, as torchvision's {@code rotate}.
     */
    static Affine rotation(int width, int height, double degrees) {
        double radians = Math.toRadians(degrees);
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        double cx = width / 2.0;
        double cy = height / 2.0;
        return new Affine(cos, sin, cx - cos * cx - sin * cy, -sin, cos, cy + sin * cx - cos * cy);
    }

    double x(double x, double y) {
        return a * x + b * y + c;
    }

    double y(double x, double y) {
        return d * x + e * y + f;
    }

    Affine inverse() {
        double det = a * e - b * d;
        return new Affine(e / det, -b / det, (b * f - e * c) / det, -d / det, a / det, (d * c - a * f) / det);
    }

    /**
     * The boxes moved by this map into a {@code width x height} image: each becomes the smallest axis-aligned box
     * holding its moved corners, clipped to the image; boxes that vanish are dropped.
     */
    List<Box> apply(List<Box> boxes, int width, int height) {
        List<Box> moved = new ArrayList<>(boxes.size());
        for (Box box : boxes) {
            double[] xs = {x(box.xmin(), box.ymin()), x(box.xmax(), box.ymin()), x(box.xmin(), box.ymax()),
                x(box.xmax(), box.ymax())};
            double[] ys = {y(box.xmin(), box.ymin()), y(box.xmax(), box.ymin()), y(box.xmin(), box.ymax()),
                y(box.xmax(), box.ymax())};
            double xmin = clamp(Math.min(Math.min(xs[0], xs[1]), Math.min(xs[2], xs[3])), width);
            double xmax = clamp(Math.max(Math.max(xs[0], xs[1]), Math.max(xs[2], xs[3])), width);
            double ymin = clamp(Math.min(Math.min(ys[0], ys[1]), Math.min(ys[2], ys[3])), height);
            double ymax = clamp(Math.max(Math.max(ys[0], ys[1]), Math.max(ys[2], ys[3])), height);
            if (xmax - xmin >= MIN_BOX_SIDE && ymax - ymin >= MIN_BOX_SIDE) {
                moved.add(new Box(xmin, ymin, xmax, ymax, box.label()));
            }
        }
        return moved;
    }

    private static double clamp(double value, int limit) {
        return Math.max(0, Math.min(limit, value));
    }
}
