package org.endolens.cli;

import org.endolens.model.ForwardPass;
import org.endolens.weights.LoadedModel;
import org.endolens.weights.Npy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code endolens forward}: one evaluation-mode forward pass, every output written as {@code .npy}. */
@Command(name = "forward", mixinStandardHelpOptions = true,
        description = {"Run a checkpoint in eval mode on an input array and write every output as .npy",
            "(logits, cls, features, layer_cls, patch_tokens, tokens, image_features, text_features, logit_scale, ...).",
            "Used to check numerical parity with PyTorch."})
final class ForwardCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, description = "Checkpoint file or EndoLens checkpoint directory.")
    Path checkpointPath;

    @Option(names = "--input", description = "Images (B,C,H,W) or clips (B,C,T,H,W) as float32 .npy.")
    Path input;

    @Option(names = "--tokens", description = "Token ids (B,L) as integer .npy (CLIP text tower).")
    Path tokens;

    @Option(names = "--out", required = true, description = "Directory for the output .npy files.")
    Path out;

    @Mixin
    CheckpointOptions checkpoint;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws Exception {
        if (input == null && tokens == null) {
            throw new IllegalArgumentException("give --input and/or --tokens");
        }
        Device device = engine.start();
        try (NDManager manager = NDManager.newBaseManager(device)) {
            LoadedModel loaded = checkpoint.load(checkpointPath, manager, System.err);
            NDArray x = input == null ? null : Npy.read(input, manager);
            NDArray t = tokens == null ? null : Npy.read(tokens, manager);
            Map<String, NDArray> outputs = ForwardPass.run(loaded.model(), x, t, manager);
            Files.createDirectories(out);
            for (Map.Entry<String, NDArray> e : outputs.entrySet()) {
                Path file = out.resolve(e.getKey() + ".npy");
                Npy.write(file, e.getValue());
                System.out.println(file + " " + e.getValue().getShape());
            }
        }
        return 0;
    }
}
