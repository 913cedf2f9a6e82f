package org.endolens.tasks.detect;

import java.util.List;
import java.util.Locale;
import org.endolens.data.Box;
import org.endolens.data.transform.Normalize;
import org.endolens.model.ModelConfig;
import org.endolens.model.ModelKind;
import org.endolens.nn.CenterNetHeadConfig;
import org.endolens.tasks.segment.SegmentationConfig;

/**
 * A detection model's architecture and input convention, stored as a run's {@code detection.json}: the ViT encoder
 * (built at the training image size), the CenterNet head, the class names (box labels) in heatmap-channel order, the
 * pixel normalisation the encoder expects, and where the encoder's weights came from.
 *
 * @param encoder a {@code vit} model config whose image size is the size images are resized to
 * @param head levels, width, stride and class count of the head
 * @param classes box labels, one per heatmap channel; a box without a label belongs to the only class
 * @param normalization {@code imagenet} or {@code clip}
 * @param encoderSource the preset, checkpoint or run the encoder was initialised from (provenance only)
 */
public record DetectionConfig(ModelConfig encoder, CenterNetHeadConfig head, List<String> classes, String normalization,
        String encoderSource) {

    public DetectionConfig {
        if (encoder == null || head == null || classes == null) {
            throw new IllegalArgumentException("a detection config needs 'encoder', 'head' and 'classes'");
        }
        if (encoder.kind() != ModelKind.VIT) {
            throw new IllegalArgumentException("the detection encoder must be a vit config, got " + encoder.kind().configName());
        }
        classes = List.copyOf(classes);
        if (classes.size() != head.classes()) {
            throw new IllegalArgumentException(classes.size() + " class names for a head with " + head.classes()
                    + " heatmap channels");
        }
        normalization = normalization == null ? SegmentationConfig.IMAGENET : normalization.toLowerCase(Locale.ROOT);
        if (!normalization.equals(SegmentationConfig.IMAGENET) && !normalization.equals(SegmentationConfig.CLIP)) {
            throw new IllegalArgumentException("normalization must be imagenet or clip, got " + normalization);
        }
        int last = head.layers().get(head.layers().size() - 1);
        if (last >= encoder.vision().depth()) {
            throw new IllegalArgumentException("head layer " + last + " does not exist in an encoder of depth "
                    + encoder.vision().depth());
        }
    }

    /** Side length images are resized to. */
    public int imageSize() {
        return encoder.vision().imageSize();
    }

    /** The normalisation step of the input transforms. */
    public Normalize normalize() {
        return normalization.equals(SegmentationConfig.CLIP) ? Normalize.clip() : Normalize.imagenet();
    }

    /** The heatmap channel of {@code box}, from its label; {@code where} names the annotation in the error. */
    public int classOf(Box box, String where) {
        if (box.label() == null) {
            if (classes.size() == 1) {
                return 0;
            }
            throw new IllegalArgumentException(where + ": a box without a label, but the detector has classes " + classes);
        }
        int index = classes.indexOf(box.label());
        if (index < 0) {
            throw new IllegalArgumentException(where + ": box label '" + box.label() + "' is not one of the classes " + classes);
        }
        return index;
    }
}
