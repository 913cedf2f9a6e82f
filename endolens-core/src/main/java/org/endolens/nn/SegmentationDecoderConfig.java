package org.endolens.nn;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Architecture of a {@link SegmentationDecoder}: which encoder blocks' patch tokens it reads (0-based block
 * indices, ascending) and the channel width of its fused map; each 2x upsampling stage halves the width, down to
 * {@link #MIN_CHANNELS}.
 */
public record SegmentationDecoderConfig(List<Integer> layers, int channels) {
    /** The narrowest upsampling stage. */
    public static final int MIN_CHANNELS = 8;
    /** SETR-MLA and UNETR read four levels. */
    public static final int DEFAULT_LEVELS = 4;
    public static final int DEFAULT_CHANNELS = 64;

    public SegmentationDecoderConfig {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("the segmentation decoder needs at least one encoder layer");
        }
        layers = List.copyOf(layers);
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) < 0 || (i > 0 && layers.get(i) <= layers.get(i - 1))) {
                throw new IllegalArgumentException("decoder layers must be distinct block indices >= 0 in ascending order, got "
                        + layers);
            }
        }
        if (channels < MIN_CHANNELS) {
            throw new IllegalArgumentException("decoder channels must be at least " + MIN_CHANNELS + ", got " + channels);
        }
    }

    /**
     * {@code levels} blocks evenly spaced over {@code depth}, ending with the last (SETR and UNETR read blocks 3, 6, 9
     * and 12 of ViT-B: indices 2, 5, 8, 11); fewer when the encoder is shallower.
     */
    public static SegmentationDecoderConfig evenlySpaced(int depth, int levels, int channels) {
        List<Integer> layers = IntStream.rangeClosed(1, levels)
                .map(i -> (int) Math.ceil((double) i * depth / levels) - 1)
                .filter(i -> i >= 0).distinct().sorted().boxed().toList();
        return new SegmentationDecoderConfig(layers, channels);
    }

    /** Width of the map after upsampling stage {@code stage} (0-based). */
    public int stageChannels(int stage) {
        return Math.max(MIN_CHANNELS, channels >> (stage + 1));
    }
}
