package org.endolens.tasks.segment;

import org.endolens.model.ModelConfig;
import org.endolens.model.ModelKind;
import org.endolens.nn.SegmentationDecoderConfig;
import org.endolens.data.transform.Normalize;

import java.util.Locale;

/**
 * A segmentation model's architecture and input convention, stored as a run's {@code segmentation.json}: the ViT
 * encoder (built at the training image size, without classifier or projection), the decoder, the pixel
 * normalisation the encoder expects, and where the encoder's weights came from.
 *
 * @param encoder a {@code vit} model config whose image size is the size images are resized to
 * @param decoder levels and width of the decoder
 * @param normalization {@code imagenet} or {@code clip}
 * @param encoderSource the preset, checkpoint or file the encoder was initialised from (provenance only)
 */
public record SegmentationConfig(ModelConfig encoder, SegmentationDecoderConfig decoder, String normalization,
        String encoderSource) {
    public static final String IMAGENET = "imagenet";
    public static final String CLIP = "clip";

    public SegmentationConfig {
        if (encoder == null || decoder == null) {
            throw new IllegalArgumentException("a segmentation config needs 'encoder' and 'decoder'");
        }
        if (encoder.kind() != ModelKind.VIT) {
            throw new IllegalArgumentException("the segmentation encoder must be a vit config, got " + encoder.kind().configName());
        }
        normalization = normalization == null ? IMAGENET : normalization.toLowerCase(Locale.ROOT);
        if (!normalization.equals(IMAGENET) && !normalization.equals(CLIP)) {
            throw new IllegalArgumentException("normalization must be imagenet or clip, got " + normalization);
        }
        int last = decoder.layers().get(decoder.layers().size() - 1);
        if (last >= encoder.vision().depth()) {
            throw new IllegalArgumentException("decoder layer " + last + " does not exist in an encoder of depth "
                    + encoder.vision().depth());
        }
    }

    /** Side length images are resized to. */
    public int imageSize() {
        return encoder.vision().imageSize();
    }

    /** The normalisation step of the input transforms. */
    public Normalize normalize() {
        return normalization.equals(CLIP) ? Normalize.clip() : Normalize.imagenet();
    }
}
