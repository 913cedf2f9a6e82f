package org.endolens.nn;

import java.util.List;

/**
 * Architecture of a {@link CenterNetHead}: which encoder blocks' patch tokens it fuses (0-based, ascending), the
 * width of the fused map, the output stride (CenterNet predicts at stride 4) and the number of object classes.
 */
public record CenterNetHeadConfig(List<Integer> layers, int channels, int stride, int classes) {
    /** CenterNet's output stride. */
    public static final int DEFAULT_STRIDE = 4;
    public static final int DEFAULT_CHANNELS = 64;

    public CenterNetHeadConfig {
        // The layer list follows the segmentation decoder's rules; its constructor checks them.
        layers = new SegmentationDecoderConfig(layers, Math.max(channels, SegmentationDecoderConfig.MIN_CHANNELS)).layers();
        if (channels < ConvNormRelu.GROUPS) {
            throw new IllegalArgumentException("head channels must be at least " + ConvNormRelu.GROUPS + ", got " + channels);
        }
        if (stride < 1 || Integer.bitCount(stride) != 1) {
            throw new IllegalArgumentException("the output stride must be a power of two, got " + stride);
        }
        if (classes < 1) {
            throw new IllegalArgumentException("a detector needs at least one class, got " + classes);
        }
    }

    /** {@code levels} encoder blocks evenly spaced over {@code depth}, as the segmentation decoder reads them. */
    public static CenterNetHeadConfig evenlySpaced(int depth, int levels, int channels, int stride, int classes) {
        return new CenterNetHeadConfig(SegmentationDecoderConfig.evenlySpaced(depth, levels, channels).layers(), channels,
                stride, classes);
    }
}
