package org.endolens.cli;

import org.endolens.weights.ArchitectureOverrides;
import org.endolens.weights.CheckpointLoader;
import org.endolens.weights.Layout;
import org.endolens.weights.LoadReport;
import org.endolens.weights.LoadedModel;

import ai.djl.ndarray.NDManager;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;

/** How to read a checkpoint: its layout and what its shapes cannot tell. */
final class CheckpointOptions {
    @Option(names = "--layout", converter = LayoutConverter.class,
            description = "Key layout of a PyTorch/safetensors file: torchvision, timm, openclip, hfclip or endofm "
                    + "(default: detected from the keys; ignored for EndoLens checkpoint directories).")
    Layout layout;

    @Option(names = "--heads", description = "Attention heads of the image/video tower (default: width / 64).")
    Integer heads;

    @Option(names = "--text-heads", description = "Attention heads of the text tower (default: width / 64).")
    Integer textHeads;

    @Option(names = "--image-size", description = "Build for this image size; position embeddings are resampled.")
    Integer imageSize;

    @Option(names = "--frames", description = "Build a video model for this many frames; time embeddings are resampled.")
    Integer frames;

    @Option(names = "--quick-gelu", description = "Use QuickGELU (OpenAI CLIP weights) instead of exact GELU.")
    boolean quickGelu;

    @Option(names = "--strict", arity = "1", defaultValue = "true",
            description = "Fail on missing or unknown keys (default: ${DEFAULT-VALUE}); false loads what matches.")
    boolean strict;

    LoadedModel load(Path checkpoint, NDManager manager, PrintStream log) {
        ArchitectureOverrides overrides = new ArchitectureOverrides(heads, textHeads, imageSize, frames,
                quickGelu ? Boolean.TRUE : null);
        LoadedModel loaded = CheckpointLoader.load(checkpoint, layout, overrides, strict, manager);
        if (heads == null && !java.nio.file.Files.isDirectory(checkpoint)) {
            log.println("note: attention heads cannot be read off a checkpoint; assuming " + loaded.config().vision().heads()
                    + " (width / 64); pass --heads if the model was trained with another number");
        }
        LoadReport r = loaded.report();
        if (!r.missing().isEmpty()) {
            log.println("warning: " + r.missing().size() + " parameters not in the checkpoint (left initialised): " + r.missing());
        }
        if (!r.unexpected().isEmpty()) {
            log.println("warning: " + r.unexpected().size() + " checkpoint tensors not used: " + r.unexpected());
        }
        if (!r.resampled().isEmpty()) {
            log.println("resampled: " + r.resampled());
        }
        return loaded;
    }

    static final class LayoutConverter implements picocli.CommandLine.ITypeConverter<Layout> {
        @Override
        public Layout convert(String value) {
            return Layout.parse(value);
        }
    }
}
