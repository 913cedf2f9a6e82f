package org.endolens.metrics;

import org.endolens.data.Box;

/** A predicted box with its confidence. */
public record Detection(Box box, double score) {
    /** Intersection over union of two boxes (0 when they do not overlap). */
    public static double iou(Box a, Box b) {
        double w = Math.min(a.xmax(), b.xmax()) - Math.max(a.xmin(), b.xmin());
        double h = Math.min(a.ymax(), b.ymax()) - Math.max(a.ymin(), b.ymin());
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double intersection = w * h;
        return intersection / (a.area() + b.area() - intersection);
    }
}
