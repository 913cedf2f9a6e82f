package org.endolens.weights;

import org.endolens.CheckpointException;
import org.endolens.model.ModelConfig;
import org.endolens.model.ModelKind;
import org.endolens.nn.Activation;
import org.endolens.nn.Resample;
import org.endolens.nn.TextConfig;
import org.endolens.nn.VisionConfig;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model's architecture off its (EndoLens-named) tensors: depth, width, patch and image size, MLP size,
 * frames, vocabulary, context length, classes and projection size. Attention heads cannot be read off
 * shapes; they default to width / 64 (the ViT-B and CLIP convention) unless overridden.
 */
public final class ArchitectureInference {
    private static final int DEFAULT_HEAD_WIDTH = 64;

    private final String source;
    private final KeyMapping mapping;
    private final Map<String, NDArray> tensors;

    private ArchitectureInference(String source, Layout layout, Map<String, NDArray> tensors) {
        this.source = source;
        this.mapping = layout.mapping();
        this.tensors = tensors;
    }

    /** Infers the config of a {@code layout} checkpoint whose tensors are already renamed to EndoLens paths. */
    public static ModelConfig infer(String source, Layout layout, Map<String, NDArray> tensors, ArchitectureOverrides o) {
        ArchitectureInference in = new ArchitectureInference(source, layout, tensors);
        Activation act = Boolean.TRUE.equals(o.quickGelu()) ? Activation.QUICK_GELU : Activation.GELU;
        String name = layout.configName() + "-import";
        return switch (layout.kind()) {
            case VIT -> new ModelConfig(name, ModelKind.VIT, in.vision("", layout, act, o.heads(), o.imageSize(), null), null, null);
            case VIDEO -> new ModelConfig(name, ModelKind.VIDEO,
                    in.vision("", layout, act, o.heads(), o.imageSize(), o.frames()), null, null);
            case CLIP -> new ModelConfig(name, ModelKind.CLIP,
                    in.vision("visual.", layout, act, o.heads(), o.imageSize(), null),
                    in.text("text.", layout, act, o.textHeads()), null);
        };
    }

    private VisionConfig vision(String p, Layout layout, Activation act, Integer heads, Integer imageSize, Integer frames) {
        Shape patch = shape(p + "patch_embed.proj.weight");
        long width = patch.get(0);
        int patchSize = Math.toIntExact(patch.get(3));
        long positions = shape(p + "pos_embed").get(1) - 1;
        int grid = (int) Math.round(Math.sqrt(positions));
        if ((long) grid * grid != positions) {
            throw new CheckpointException(source + ": " + mapping.publicName(p + "pos_embed") + " holds " + positions
                    + " patch positions, not a square grid; non-square ViTs are not supported");
        }
        int depth = depth(p + "blocks.");
        long mlp = shape(p + "blocks.0.mlp.fc1.weight").get(0);
        int trainedFrames = tensors.containsKey(p + "time_embed") ? Math.toIntExact(shape(p + "time_embed").get(1)) : 0;
        int classes = tensors.containsKey(p + "head.weight") ? Math.toIntExact(shape(p + "head.weight").get(0)) : 0;
        long embed = tensors.containsKey(p + "proj") ? shape(p + "proj").get(1) : 0;
        return new VisionConfig(
                imageSize != null ? imageSize : grid * patchSize,
                patchSize,
                Math.toIntExact(patch.get(1)),
                width,
                depth,
                heads != null ? heads : headsFor(width),
                mlp,
                act,
                layout.normEps(),
                tensors.containsKey(p + "blocks.0.attn.qkv.bias"),
                tensors.containsKey(p + "patch_embed.proj.bias"),
                tensors.containsKey(p + "norm_pre.weight"),
                classes,
                embed,
                frames != null && trainedFrames > 0 ? frames : trainedFrames,
                trainedFrames > 0 ? Resample.NEAREST : Resample.BICUBIC,
                0f);
    }

    private TextConfig text(String p, Layout layout, Activation act, Integer heads) {
        Shape tokens = shape(p + "token_embedding");
        long width = tokens.get(1);
        return new TextConfig(
                Math.toIntExact(shape(p + "positional_embedding").get(0)),
                Math.toIntExact(tokens.get(0)),
                width,
                depth(p + "blocks."),
                heads != null ? heads : headsFor(width),
                shape(p + "blocks.0.mlp.fc1.weight").get(0),
                act,
                layout.normEps(),
                shape(p + "text_projection").get(1));
    }

    private static int headsFor(long width) {
        return (int) Math.max(1, width / DEFAULT_HEAD_WIDTH);
    }

    private int depth(String blocksPrefix) {
        Pattern index = Pattern.compile(Pattern.quote(blocksPrefix) + "(\\d+)\\..*");
        TreeSet<Integer> layers = new TreeSet<>();
        for (String key : tensors.keySet()) {
            Matcher m = index.matcher(key);
            if (m.matches()) {
                layers.add(Integer.parseInt(m.group(1)));
            }
        }
        if (layers.isEmpty()) {
            throw new CheckpointException(source + ": no transformer layers ('"
                    + mapping.publicName(blocksPrefix + "0.x") + "' and so on); cannot infer depth");
        }
        if (layers.last() != layers.size() - 1) {
            throw new CheckpointException(source + ": transformer layers " + layers + " are not numbered 0.."
                    + (layers.size() - 1) + "; the checkpoint is incomplete");
        }
        return layers.size();
    }

    private Shape shape(String key) {
        NDArray array = tensors.get(key);
        if (array == null) {
            throw new CheckpointException(source + ": missing tensor '" + mapping.publicName(key)
                    + "' needed to infer the architecture");
        }
        return array.getShape();
    }
}
