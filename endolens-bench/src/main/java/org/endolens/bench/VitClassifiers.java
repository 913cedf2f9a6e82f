package org.endolens.bench;

import org.endolens.model.ModelConfig;
import org.endolens.model.ModelKind;
import org.endolens.model.Models;
import org.endolens.nn.VisionTransformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** The image classifiers the benchmarks run: a {@code vit} preset with a classifier head, fed random images. */
public final class VitClassifiers {
    private VitClassifiers() {}

    /** Builds {@code config} with randomly initialised parameters on {@code manager}. */
    public static VisionTransformer create(ModelConfig config, NDManager manager) {
        if (config.kind() != ModelKind.VIT || config.vision().numClasses() <= 0) {
            throw new IllegalArgumentException("benchmarks need an image ViT with a classifier head; '" + config.name()
                    + "' is " + config.kind().configName() + " with numClasses=" + config.vision().numClasses());
        }
        return (VisionTransformer) Models.create(config, manager);
    }

    /** A batch of standard-normal images at the configured size, on {@code manager}. */
    public static NDArray randomImages(ModelConfig config, int batch, NDManager manager) {
        int size = config.vision().imageSize();
        return manager.randomNormal(0f, 1f, new Shape(batch, config.vision().channels(), size, size), DataType.FLOAT32);
    }

    /** Uniformly random class labels {@code (batch)}, on {@code manager}. */
    public static NDArray randomLabels(ModelConfig config, int batch, NDManager manager) {
        return manager.randomInteger(0, config.vision().numClasses(), new Shape(batch), DataType.INT64);
    }
}
