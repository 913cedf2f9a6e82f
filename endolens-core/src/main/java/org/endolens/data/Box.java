package org.endolens.data;

/**
 * An axis-aligned box in pixel coordinates of its image, {@code xmin <= xmax}, {@code ymin <= ymax}
 * (inclusive-exclusive like Kvasir-SEG's {@code bboxes.json}), with an optional class label.
 */
public record Box(double xmin, double ymin, double xmax, double ymax, String label) {
    public Box {
        if (!(xmin <= xmax && ymin <= ymax)) {
            throw new IllegalArgumentException("box corners out of order: (" + xmin + ", " + ymin + ") - (" + xmax + ", " + ymax + ")");
        }
    }

    public double width() {
        return xmax - xmin;
    }

    public double height() {
        return ymax - ymin;
    }

    public double area() {
        return width() * height();
    }

    /** Whether the box lies within a {@code width x height} image. */
    public boolean inside(int imageWidth, int imageHeight) {
        return xmin >= 0 && ymin >= 0 && xmax <= imageWidth && ymax <= imageHeight;
    }
}
