package org.endolens.weights;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.endolens.CheckpointException;
import org.endolens.DataFormatException;
import org.endolens.EndoLensException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EndoLens' own checkpoint: a directory holding {@code model.safetensors} (loadable from Python as is),
 * {@code config.json} (the architecture) and {@code provenance.json} (data, command, commit, seed, metrics).
 * A write either replaces the whole directory or leaves the old one untouched.
 */
public final class Checkpoints {
    public static final String WEIGHTS = "model.safetensors";
    public static final String CONFIG = "config.json";
    public static final String PROVENANCE = "provenance.json";
    private static final List<String> FILES = List.of(WEIGHTS, CONFIG, PROVENANCE);
    // transformers refuses safetensors files without this marker when loading PyTorch weights.
    private static final Map<String, String> SAFETENSORS_METADATA = Map.of("format", "pt");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);

    private Checkpoints() {}

    /**
     * Writes a checkpoint into {@code dir}: everything goes into a hidden sibling directory first, which is then
     * renamed onto {@code dir}. An existing checkpoint at {@code dir} is replaced; any other existing directory is
     * refused rather than deleted.
     */
    public static void write(Path dir, StateDict weights, JsonNode config, JsonNode provenance) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(provenance, "provenance");
        Path target = dir.toAbsolutePath().normalize();
        if (target.getParent() == null) {
            throw new IllegalArgumentException("checkpoint directory " + dir + " has no parent to stage it in");
        }
        if (Files.exists(target)) {
            requireReplaceable(target);
        }
        Path staging = null;
        try {
            Files.createDirectories(target.getParent());
            staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp-");
            SafeTensors.write(staging.resolve(WEIGHTS), weights, SAFETENSORS_METADATA);
            writeJson(staging.resolve(CONFIG), config);
            writeJson(staging.resolve(PROVENANCE), provenance);
            if (Files.exists(target)) {
                Path old = staging.resolveSibling(staging.getFileName() + ".old");
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                    throw e;
                }
                deleteTree(old);
            } else {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new EndoLensException(dir + ": cannot write checkpoint (" + e + ")", e);
        } finally {
            if (staging != null) {
                deleteTree(staging);
            }
        }
    }

    /**
     * Reads a checkpoint written by {@link #write}, its tensors into {@code manager}.
     *
     * @throws CheckpointException if {@code dir} lacks one of the three files
     */
    public static LoadedCheckpoint read(Path dir, NDManager manager) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(manager, "manager");
        if (!Files.isDirectory(dir)) {
            throw new CheckpointException(dir + (Files.exists(dir) ? ": not a directory" : ": no such directory")
                    + "; an EndoLens checkpoint is a directory with " + String.join(", ", FILES));
        }
        for (String name : FILES) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                throw new CheckpointException(dir + ": missing " + name + "; the directory is not an EndoLens "
                        + "checkpoint (expected " + String.join(", ", FILES) + ")");
            }
        }
        JsonNode config = readJson(dir.resolve(CONFIG));
        JsonNode provenance = readJson(dir.resolve(PROVENANCE));
        return new LoadedCheckpoint(SafeTensors.read(dir.resolve(WEIGHTS), manager), config, provenance);
    }

    private static void requireReplaceable(Path target) {
        if (!Files.isDirectory(target)) {
            throw new CheckpointException(target + ": exists and is not a directory; refusing to replace it");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            for (Path entry : entries) {
                if (!FILES.contains(entry.getFileName().toString())) {
                    throw new CheckpointException(target + ": exists and holds " + entry.getFileName() + ", which is "
                            + "not part of an EndoLens checkpoint; refusing to replace it, choose another directory");
                }
            }
        } catch (IOException e) {
            throw FileAccess.readFailure(target, e);
        }
    }

    private static void writeJson(Path file, JsonNode node) throws JsonProcessingException {
        ByteBuffer json = ByteBuffer.wrap(JSON.writeValueAsBytes(node));
        FileAccess.writeAtomically(file, channel -> FileAccess.writeFully(channel, json));
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new DataFormatException(file + ": invalid JSON at line " + e.getLocation().getLineNr() + " ("
                    + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw FileAccess.readFailure(file, e);
        }
    }

    // Best effort: what is left is a hidden sibling that never shadows the checkpoint, and failing here would
    // hide the outcome of the write itself.
    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("cannot delete {} ({}); remove it by hand", root, e.toString());
        }
    }
}
