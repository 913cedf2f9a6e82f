package org.endolens.weights;

import org.endolens.model.ModelKind;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.endolens.weights.KeyRule.key;
import static org.endolens.weights.KeyRule.prefix;

/**
 * The public checkpoint layouts EndoLens imports, each with its key mapping onto EndoLens parameter paths
 * (timm names inside each tower), the model family it holds and the LayerNorm epsilon its models use.
 */
public enum Layout {
    /** torchvision {@code VisionTransformer} ({@code encoder.layers.encoder_layer_i}, {@code in_proj_weight}). */
    TORCHVISION(ModelKind.VIT, 1e-6f, "encoder.layers.encoder_layer_0.ln_1.weight"),
    /** timm {@code VisionTransformer}: EndoLens' own names for images. */
    TIMM(ModelKind.VIT, 1e-6f, "blocks.0.attn.qkv.weight"),
    /** open_clip {@code CLIP} with a ViT image tower. */
    OPENCLIP(ModelKind.CLIP, 1e-5f, "visual.transformer.resblocks.0.attn.in_proj_weight"),
    /** Hugging Face {@code CLIPModel}. */
    HFCLIP(ModelKind.CLIP, 1e-5f, "vision_model.encoder.layers.0.self_attn.q_proj.weight"),
    /** Endo-FM's TimeSformer (also its {@code teacher} with the {@code backbone.} prefix). */
    ENDOFM(ModelKind.VIDEO, 1e-6f, "blocks.0.temporal_attn.qkv.weight");

    private final ModelKind kind;
    private final float normEps;
    private final String signatureKey;

    Layout(ModelKind kind, float normEps, String signatureKey) {
        this.kind = kind;
        this.normEps = normEps;
        this.signatureKey = signatureKey;
    }

    public ModelKind kind() {
        return kind;
    }

    /** A key every checkpoint of this layout has (used to detect layouts and explain a wrong one). */
    public String signatureKey() {
        return signatureKey;
    }

    public float normEps() {
        return normEps;
    }

    /** The layout EndoLens writes a model of {@code kind} in, so Python users can load it with the public twin. */
    public static Layout canonicalFor(ModelKind kind) {
        return switch (kind) {
            case VIT -> TIMM;
            case VIDEO -> ENDOFM;
            case CLIP -> OPENCLIP;
        };
    }

    /** Whether {@code keys} carry this layout's signature key (after stripping a {@code backbone.} prefix for Endo-FM). */
    public boolean recognises(Set<String> keys) {
        return keys.contains(signatureKey) || (this == ENDOFM && keys.contains("backbone." + signatureKey));
    }

    /** The layouts whose signature the keys carry, most specific first. */
    public static List<Layout> detect(Set<String> keys) {
        List<Layout> found = new ArrayList<>();
        for (Layout layout : List.of(ENDOFM, OPENCLIP, HFCLIP, TORCHVISION, TIMM)) {
            if (layout.recognises(keys)) {
                found.add(layout);
            }
        }
        return found;
    }

    public KeyMapping mapping() {
        return switch (this) {
            case TIMM -> KeyMapping.of(List.of(), List.of());
            case ENDOFM -> KeyMapping.of(List.of(prefix("backbone.", "")),
                    // DINO projection head of a pre-training teacher/student: not part of the backbone.
                    List.of("head\\.mlp\\..*", "head\\.last_layer\\..*", "backbone\\.head\\..*"));
            case TORCHVISION -> KeyMapping.of(torchvisionRules(), List.of());
            case OPENCLIP -> KeyMapping.of(openClipRules(), List.of("attn_mask"));
            case HFCLIP -> KeyMapping.of(hfClipRules(), List.of(".*position_ids"), HfClipAttention::merge,
                    HfClipAttention::split);
        };
    }

    private static List<KeyRule> torchvisionRules() {
        String layer = "encoder.layers.encoder_layer_{i}.";
        return List.of(
                key("class_token", "cls_token", TensorAdapter.NONE),
                prefix("conv_proj.", "patch_embed.proj."),
                key("encoder.pos_embedding", "pos_embed", TensorAdapter.NONE),
                prefix(layer + "ln_1.", "blocks.{i}.norm1."),
                key(layer + "self_attention.in_proj_weight", "blocks.{i}.attn.qkv.weight", TensorAdapter.NONE),
                key(layer + "self_attention.in_proj_bias", "blocks.{i}.attn.qkv.bias", TensorAdapter.NONE),
                prefix(layer + "self_attention.out_proj.", "blocks.{i}.attn.proj."),
                prefix(layer + "ln_2.", "blocks.{i}.norm2."),
                prefix(layer + "mlp.0.", "blocks.{i}.mlp.fc1."),
                prefix(layer + "mlp.3.", "blocks.{i}.mlp.fc2."),
                // torchvision < 0.13 named the MLP layers linear_1 / linear_2.
                prefix(layer + "mlp.linear_1.", "blocks.{i}.mlp.fc1."),
                prefix(layer + "mlp.linear_2.", "blocks.{i}.mlp.fc2."),
                prefix("encoder.ln.", "norm."),
                prefix("heads.head.", "head."));
    }

    private static List<KeyRule> openClipRules() {
        List<KeyRule> rules = new ArrayList<>(List.of(
                key("visual.class_embedding", "visual.cls_token", TensorAdapter.ADD_TWO_LEADING_DIMS),
                key("visual.positional_embedding", "visual.pos_embed", TensorAdapter.ADD_LEADING_DIM),
                prefix("visual.conv1.", "visual.patch_embed.proj."),
                prefix("visual.ln_pre.", "visual.norm_pre."),
                prefix("visual.ln_post.", "visual.norm."),
                key("visual.proj", "visual.proj", TensorAdapter.NONE),
                key("token_embedding.weight", "text.token_embedding", TensorAdapter.NONE),
                key("positional_embedding", "text.positional_embedding", TensorAdapter.NONE),
                prefix("ln_final.", "text.ln_final."),
                key("text_projection", "text.text_projection", TensorAdapter.NONE),
                key("logit_scale", "logit_scale", TensorAdapter.NONE)));
        rules.addAll(openClipBlockRules("visual.transformer.resblocks.{i}.", "visual.blocks.{i}."));
        rules.addAll(openClipBlockRules("transformer.resblocks.{i}.", "text.blocks.{i}."));
        return rules;
    }

    private static List<KeyRule> openClipBlockRules(String from, String to) {
        return List.of(
                prefix(from + "ln_1.", to + "norm1."),
                key(from + "attn.in_proj_weight", to + "attn.qkv.weight", TensorAdapter.NONE),
                key(from + "attn.in_proj_bias", to + "attn.qkv.bias", TensorAdapter.NONE),
                prefix(from + "attn.out_proj.", to + "attn.proj."),
                prefix(from + "ln_2.", to + "norm2."),
                prefix(from + "mlp.c_fc.", to + "mlp.fc1."),
                prefix(from + "mlp.c_proj.", to + "mlp.fc2."));
    }

    private static List<KeyRule> hfClipRules() {
        List<KeyRule> rules = new ArrayList<>(List.of(
                key("vision_model.embeddings.class_embedding", "visual.cls_token", TensorAdapter.ADD_TWO_LEADING_DIMS),
                key("vision_model.embeddings.position_embedding.weight", "visual.pos_embed", TensorAdapter.ADD_LEADING_DIM),
                prefix("vision_model.embeddings.patch_embedding.", "visual.patch_embed.proj."),
                prefix("vision_model.pre_layrnorm.", "visual.norm_pre."),
                prefix("vision_model.post_layernorm.", "visual.norm."),
                key("visual_projection.weight", "visual.proj", TensorAdapter.TRANSPOSE),
                key("text_model.embeddings.token_embedding.weight", "text.token_embedding", TensorAdapter.NONE),
                key("text_model.embeddings.position_embedding.weight", "text.positional_embedding", TensorAdapter.NONE),
                prefix("text_model.final_layer_norm.", "text.ln_final."),
                key("text_projection.weight", "text.text_projection", TensorAdapter.TRANSPOSE),
                key("logit_scale", "logit_scale", TensorAdapter.NONE)));
        rules.addAll(hfBlockRules("vision_model.encoder.layers.{i}.", "visual.blocks.{i}."));
        rules.addAll(hfBlockRules("text_model.encoder.layers.{i}.", "text.blocks.{i}."));
        return rules;
    }

    private static List<KeyRule> hfBlockRules(String from, String to) {
        return List.of(
                prefix(from + "layer_norm1.", to + "norm1."),
                prefix(from + "self_attn.qkv_proj.", to + "attn.qkv."),
                prefix(from + "self_attn.out_proj.", to + "attn.proj."),
                prefix(from + "layer_norm2.", to + "norm2."),
                prefix(from + "mlp.", to + "mlp."));
    }

    @JsonCreator
    public static Layout parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown layout '" + name + "'; expected one of " + names(), e);
        }
    }

    public static String names() {
        return Arrays.stream(values()).map(Layout::configName).collect(Collectors.joining("|"));
    }

    @JsonValue
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
