package org.endolens.tasks;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.endolens.CheckpointException;
import org.endolens.model.ClipModel;
import org.endolens.nn.NamedBlock;
import org.endolens.nn.VisionTransformer;
import org.endolens.weights.LoadReport;
import org.endolens.weights.ModelWeights;

/**
 * Starts a dense-task model (segmentation, detection) from a pre-trained image tower: the model keeps its ViT under
 * {@code encoder.}, and the tower's weights are copied there.
 */
public final class EncoderTransfer {
    public static final String ENCODER = "encoder.";

    private EncoderTransfer() {}

    /**
     * Copies the image tower of {@code pretrained} (a ViT, or a CLIP model's {@code visual}) into {@code model}'s
     * {@code encoder.} parameters; position embeddings are resampled to the model's image size, a classifier head or
     * CLIP projection is left out. Fails when an encoder parameter has no counterpart.
     */
    public static void copyImageTower(NamedBlock model, NamedBlock pretrained, String source) {
        VisionTransformer tower = pretrained instanceof ClipModel clip ? clip.visual()
                : pretrained instanceof VisionTransformer vit ? vit : null;
        if (tower == null) {
            throw new CheckpointException(source + ": a " + pretrained.getClass().getSimpleName()
                    + " has no image tower to start an encoder from; use a ViT or CLIP checkpoint");
        }
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        ModelWeights.tensors(tower).forEach((key, value) -> {
            if (!key.equals("proj") && !key.startsWith("head.")) {
                tensors.put(ENCODER + key, value);
            }
        });
        LoadReport report = ModelWeights.load(model, tensors, false, tower.config().posResample(), source, List.of(),
                key -> key);
        List<String> missingEncoder = report.missing().stream().filter(k -> k.startsWith(ENCODER)).toList();
        if (!missingEncoder.isEmpty() || !report.unexpected().isEmpty()) {
            throw new CheckpointException(source + ": its image tower does not match the model's encoder (missing "
                    + missingEncoder + ", unexpected " + report.unexpected() + ")");
        }
    }
}
