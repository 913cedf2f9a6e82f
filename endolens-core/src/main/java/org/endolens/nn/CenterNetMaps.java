package org.endolens.nn;

import ai.djl.ndarray.NDArray;

/**
 * What a {@link CenterNetHead} predicts at every output location (Zhou et al. 2019, "Objects as Points").
 *
 * @param heatmap centre-heatmap logits {@code (B, classes, H, W)}; the sigmoid is the centre probability
 * @param size box width and height in output cells {@code (B, 2, H, W)}
 * @param offset sub-cell offset of the centre {@code (B, 2, H, W)}, x then y, in [0, 1) when trained
 */
public record CenterNetMaps(NDArray heatmap, NDArray size, NDArray offset) {}
