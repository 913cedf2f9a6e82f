package org.endolens.model;

import org.endolens.nn.NamedBlock;
import org.endolens.nn.TextOutput;
import org.endolens.nn.VideoTransformer;
import org.endolens.nn.VisionOutput;
import org.endolens.nn.VisionTransformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a model in evaluation mode and names every output it has, in the names the reference fixtures and
 * {@code endolens forward} use: {@code logits}, {@code cls}, {@code features}, {@code layer_cls},
 * {@code patch_tokens}, {@code tokens}, {@code image_features}, {@code text_features}, {@code logit_scale}, ...
 */
public final class ForwardPass {
    private ForwardPass() {}

    /**
     * Evaluates {@code model} on {@code input} (images {@code (B,C,H,W)} or clips {@code (B,C,T,H,W)}) and, for CLIP,
     * {@code tokens} {@code (B', L)} (may be null to skip the text tower). Arrays are created on {@code manager}.
     */
    public static Map<String, NDArray> run(NamedBlock model, NDArray input, NDArray tokens, NDManager manager) {
        ParameterStore store = new ParameterStore(manager, false);
        Map<String, NDArray> out = new LinkedHashMap<>();
        if (model instanceof VisionTransformer vit) {
            putVision(out, vit.encode(store, input, false));
        } else if (model instanceof VideoTransformer video) {
            VisionOutput o = video.encode(store, input, false);
            putVision(out, o);
            out.put("tokens", o.features().expandDims(1).concat(o.patchTokens(), 1));
        } else if (model instanceof ClipModel clip) {
            if (input != null) {
                VisionOutput image = clip.encodeImage(store, input, false);
                out.put("image_features", image.embedding());
                out.put("image_features_normalized", ClipModel.normalize(image.embedding()));
                out.put("image_pooled", image.features());
                out.put("layer_cls", image.layerCls());
            }
            if (tokens != null) {
                TextOutput text = clip.encodeText(store, tokens, false);
                out.put("text_features", text.embedding());
                out.put("text_features_normalized", ClipModel.normalize(text.embedding()));
                out.put("text_pooled", text.pooled());
            }
            NDArray scale = clip.logitScale(store, input != null ? input : tokens, false);
            out.put("logit_scale", scale);
            out.put("logit_scale_exp", scale.exp());
            if (input != null && tokens != null) {
                out.put("logits_per_image", out.get("image_features_normalized")
                        .matMul(out.get("text_features_normalized").transpose()).mul(scale.exp()));
            }
        } else {
            throw new IllegalArgumentException("no forward pass defined for " + model.getClass().getSimpleName());
        }
        return out;
    }

    private static void putVision(Map<String, NDArray> out, VisionOutput o) {
        if (o.logits() != null) {
            out.put("logits", o.logits());
        }
        out.put("cls", o.features());
        out.put("features", o.features());
        out.put("layer_cls", o.layerCls());
        out.put("patch_tokens", o.patchTokens());
    }
}
