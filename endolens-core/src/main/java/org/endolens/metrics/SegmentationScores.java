package org.endolens.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Dice and IoU over a data set: the mean of per-image scores (the usual "mDice"/"mIoU" of polyp segmentation
 * papers) and the data-set-level scores from pooled pixel counts.
 */
public final class SegmentationScores {
    private final List<MaskOverlap> images = new ArrayList<>();

    public void add(MaskOverlap overlap) {
        images.add(overlap);
    }

    public List<MaskOverlap> perImage() {
        return Collections.unmodifiableList(images);
    }

    public double meanDice() {
        return images.stream().mapToDouble(MaskOverlap::dice).average().orElse(Double.NaN);
    }

    public double meanIou() {
        return images.stream().mapToDouble(MaskOverlap::iou).average().orElse(Double.NaN);
    }

    public double pooledDice() {
        return pooled().dice();
    }

    public double pooledIou() {
        return pooled().iou();
    }

    private MaskOverlap pooled() {
        return images.stream().reduce(new MaskOverlap(0, 0, 0), MaskOverlap::plus);
    }
}
