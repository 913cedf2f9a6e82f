package org.endolens.tasks.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.endolens.metrics.Detection;

/**
 * Greedy IoU non-maximum suppression per class label: in descending score order, a detection is kept unless it
 * overlaps an already kept detection of the same label by more than {@code iouThreshold} (torchvision's
 * {@code batched_nms}). CenterNet's peak extraction needs none; here it is a safety net against duplicate peaks of one
 * large object.
 */
public final class NonMaximumSuppression {
    private final double iouThreshold;

    public NonMaximumSuppression(double iouThreshold) {
        if (!(iouThreshold > 0 && iouThreshold <= 1)) {
            throw new IllegalArgumentException("the NMS IoU threshold must be in (0, 1], got " + iouThreshold);
        }
        this.iouThreshold = iouThreshold;
    }

    /** The kept detections in descending score order. */
    public List<Detection> apply(List<Detection> detections) {
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection candidate : sorted) {
            boolean suppressed = false;
            for (Detection k : kept) {
                if (Objects.equals(k.box().label(), candidate.box().label())
                        && Detection.iou(k.box(), candidate.box()) > iouThreshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(candidate);
            }
        }
        return kept;
    }
}
