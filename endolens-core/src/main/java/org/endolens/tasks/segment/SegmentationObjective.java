package org.endolens.tasks.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.endolens.data.transform.SampleViews;
import org.endolens.pretrain.LoaderSteps;
import org.endolens.train.DiceBceLoss;
import org.endolens.train.StepFunction;

/** One segmentation training step: the step's batch of images and masks, the model's logits, Dice + BCE. */
public final class SegmentationObjective implements StepFunction, AutoCloseable {
    private final SegmentationModel model;
    private final LoaderSteps batches;
    private final DiceBceLoss loss = new DiceBceLoss();

    /** @param batches batches with an {@code image} and a {@code mask} tensor; closed with this objective */
    public SegmentationObjective(SegmentationModel model, LoaderSteps batches) {
        this.model = model;
        this.batches = batches;
    }

    @Override
    public NDArray loss(ParameterStore store, long step, NDManager scope) {
        NDList batch = batches.batch(step, scope);
        NDArray masks = batch.get(SampleViews.MASK);
        if (masks == null) {
            throw new IllegalStateException("segmentation batches need a '" + SampleViews.MASK + "' tensor");
        }
        return loss.apply(model.logits(store, batch.get(SampleViews.IMAGE), true), masks);
    }

    @Override
    public void close() {
        batches.close();
    }
}
