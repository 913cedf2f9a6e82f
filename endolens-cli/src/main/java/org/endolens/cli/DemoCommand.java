package org.endolens.cli;

import org.endolens.model.ClipModel;
import org.endolens.model.ForwardPass;
import org.endolens.model.ModelConfig;
import org.endolens.model.Models;
import org.endolens.model.Presets;
import org.endolens.nn.NamedBlock;
import org.endolens.text.ByteLevelTokenizer;
import org.endolens.weights.CheckpointSaver;
import org.endolens.weights.Provenance;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code endolens demo}: the smallest end-to-end run that needs no data: builds the {@code clip-tiny} preset,
 * encodes synthetic frames and report sentences, prints the image-text similarity matrix and saves the model
 * as an EndoLens checkpoint. The full Endo-CLIP pipeline (cleanse, attune, unify, evaluate) replaces it as those
 * stages land.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the end-to-end demo on built-in synthetic data (no downloads, no data needed).",
            "Currently: a forward pass of the clip-tiny preset on synthetic frames and report sentences,",
            "and a checkpoint written to --out."})
final class DemoCommand implements Callable<Integer> {
    private static final List<String> PROMPTS = List.of(
            "a 6 mm sessile polyp in the sigmoid colon",
            "normal mucosa, no polyps",
            "a pedunculated polyp in the transverse colon");

    @Option(names = "--out", defaultValue = "runs/demo", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    int seed;

    @Option(names = "--preset", defaultValue = "clip-tiny", description = "CLIP preset to build (default: ${DEFAULT-VALUE}).")
    String preset;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        Device device = engine.start();
        Engine.getInstance().setRandomSeed(seed);
        ModelConfig config = Presets.load(preset);
        try (NDManager manager = NDManager.newBaseManager(device)) {
            NamedBlock model = Models.create(config, manager);
            if (!(model instanceof ClipModel clip)) {
                throw new IllegalArgumentException("--preset " + preset + " is not a CLIP model");
            }
            int size = config.vision().imageSize();
            NDArray frames = SyntheticFrames.render(manager, PROMPTS.size(), size, seed);
            long[][] ids = new ByteLevelTokenizer().encode(PROMPTS, config.text().contextLength());
            NDArray tokens = manager.create(flatten(ids), new Shape(ids.length, ids[0].length));
            Map<String, NDArray> outputs = ForwardPass.run(clip, frames, tokens, manager);
            NDArray logits = outputs.get("logits_per_image");
            System.out.printf("EndoLens demo: %s (%d parameters) on %s%n", preset, parameterCount(model), device);
            System.out.println("image-text logits of the untrained model (rows: synthetic frames, columns: prompts)");
            float[] values = logits.toFloatArray();
            for (int i = 0; i < PROMPTS.size(); i++) {
                StringBuilder row = new StringBuilder(String.format("  frame %d:", i));
                for (int j = 0; j < PROMPTS.size(); j++) {
                    row.append(String.format(" %8.3f", values[i * PROMPTS.size() + j]));
                }
                System.out.println(row);
            }
            Path checkpoint = out.resolve("checkpoint");
            CheckpointSaver.save(checkpoint, config, model,
                    Provenance.of(List.of("endolens", "demo", "--seed", Integer.toString(seed))).put("seed", seed));
            System.out.println("checkpoint: " + checkpoint.toAbsolutePath());
        }
        return 0;
    }

    private static long parameterCount(NamedBlock model) {
        return model.stateParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    private static long[] flatten(long[][] rows) {
        long[] flat = new long[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * rows[0].length, rows[0].length);
        }
        return flat;
    }
}
