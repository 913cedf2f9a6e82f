package org.endolens.weights;

import org.endolens.model.ModelConfig;
import org.endolens.nn.NamedBlock;

/** A model built from a checkpoint, with the config it was built from and what loading reported. */
public record LoadedModel(ModelConfig config, NamedBlock model, Layout layout, LoadReport report) {}
