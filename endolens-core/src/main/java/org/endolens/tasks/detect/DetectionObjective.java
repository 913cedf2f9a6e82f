package org.endolens.tasks.detect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.endolens.data.transform.SampleViews;
import org.endolens.pretrain.LoaderSteps;
import org.endolens.train.CenterNetLoss;
import org.endolens.train.StepFunction;

/** One detection training step: the step's images and CenterNet targets, the model's maps, {@link CenterNetLoss}. */
public final class DetectionObjective implements StepFunction, AutoCloseable {
    private final DetectionModel model;
    private final LoaderSteps batches;
    private final CenterNetLoss loss = new CenterNetLoss();

    /** @param batches batches with an {@code image} tensor and the {@link CenterNetTargets} tensors; closed with this objective */
    public DetectionObjective(DetectionModel model, LoaderSteps batches) {
        this.model = model;
        this.batches = batches;
    }

    @Override
    public NDArray loss(ParameterStore store, long step, NDManager scope) {
        NDList batch = batches.batch(step, scope);
        return loss.apply(model.maps(store, batch.get(SampleViews.IMAGE), true), target(batch, CenterNetTargets.HEATMAP),
                target(batch, CenterNetTargets.SIZE), target(batch, CenterNetTargets.OFFSET),
                target(batch, CenterNetTargets.CENTRES)).total();
    }

    private static NDArray target(NDList batch, String name) {
        NDArray array = batch.get(name);
        if (array == null) {
            throw new IllegalStateException("detection batches need a '" + name + "' tensor");
        }
        return array;
    }

    @Override
    public void close() {
        batches.close();
    }
}
