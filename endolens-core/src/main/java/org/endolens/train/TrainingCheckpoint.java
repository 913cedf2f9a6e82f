package org.endolens.train;

import org.endolens.CheckpointException;
import org.endolens.EndoLensException;
import org.endolens.model.ModelConfig;
import org.endolens.nn.NamedBlock;
import org.endolens.util.Json;
import org.endolens.weights.CheckpointConfig;
import org.endolens.weights.CheckpointSaver;
import org.endolens.weights.Checkpoints;
import org.endolens.weights.KeyMapping;
import org.endolens.weights.LoadedCheckpoint;
import org.endolens.weights.ModelWeights;
import org.endolens.weights.Provenance;
import org.endolens.weights.SafeTensors;
import org.endolens.weights.StateDict;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything needed to resume a run exactly, in one directory written atomically: {@code model/} (an EndoLens
 * checkpoint), {@code optimizer.safetensors} (AdamW moments) and {@code state.json} (step and trainer config).
 * The data position and random streams are functions of (seed, step), so the step is all the state they need.
 */
public final class TrainingCheckpoint {
    public static final String MODEL = "model";
    public static final String OPTIMIZER = "optimizer.safetensors";
    public static final String STATE = "state.json";

    /** The resumable state besides tensors. */
    public record State(long step, TrainerConfig config) {}

    private TrainingCheckpoint() {}

    public static void save(Path dir, ModelConfig modelConfig, NamedBlock model, AdamW optimizer, State state,
            Provenance provenance) {
        Path parent = dir.toAbsolutePath().getParent();
        Path tmp = parent.resolve("." + dir.getFileName() + ".tmp-" + System.nanoTime());
        try {
            Files.createDirectories(tmp);
            CheckpointSaver.save(tmp.resolve(MODEL), modelConfig, model, provenance);
            SafeTensors.write(tmp.resolve(OPTIMIZER), StateDict.of(optimizer.state()), Map.of("step", Long.toString(state.step())));
            Json.mapper().writeValue(tmp.resolve(STATE).toFile(), state);
            Path old = parent.resolve("." + dir.getFileName() + ".old-" + System.nanoTime());
            if (Files.exists(dir)) {
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } catch (IOException e) {
            deleteTreeQuietly(tmp);
            throw new EndoLensException(dir + ": cannot write training checkpoint (" + e.getMessage() + ")", e);
        }
    }

    /** Reads the optimiser moments (onto {@code manager}) and the state of a checkpoint written by {@link #save}. */
    public static State readState(Path dir) {
        Path file = dir.resolve(STATE);
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(dir + ": not a training checkpoint (no " + STATE + "); cannot resume from it");
        }
        try {
            return Json.mapper().readValue(file.toFile(), State.class);
        } catch (IOException e) {
            throw new CheckpointException(file + ": unreadable training state (" + Json.reason(e) + ")", e);
        }
    }

    public static Map<String, NDArray> readOptimizer(Path dir, NDManager manager) {
        StateDict dict = SafeTensors.read(dir.resolve(OPTIMIZER), manager);
        Map<String, NDArray> out = new LinkedHashMap<>();
        dict.entries().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * Loads the weights of {@code dir}'s {@code model/} (a checkpoint written by {@link #save}) into {@code model}
     * (tensors onto {@code manager}); every parameter must be present.
     */
    public static void loadModel(Path dir, NamedBlock model, NDManager manager) {
        Path weights = dir.resolve(MODEL);
        LoadedCheckpoint saved = Checkpoints.read(weights, manager);
        CheckpointConfig stored = Json.mapper().convertValue(saved.config(), CheckpointConfig.class);
        KeyMapping mapping = stored.layout().mapping();
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        saved.weights().entries().forEach(e -> tensors.put(e.getKey(), e.getValue()));
        ModelWeights.load(model, mapping.toInternal(tensors).tensors(), true, stored.model().vision().posResample(),
                weights.toString(), List.of(), mapping::publicName);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void deleteTreeQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (IOException ignored) {
            // The temporary directory is hidden and named as such; a failed clean-up loses nothing.
        }
    }
}
