package org.endolens.weights;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.endolens.DataFormatException;
import org.endolens.EndoLensException;

/** Reads weights from whatever a user points at: an EndoLens checkpoint, a safetensors file or a PyTorch file. */
public final class WeightFiles {
    private static final List<String> TORCH_SUFFIXES = List.of(".pt", ".pth", ".bin", ".ckpt");

    private WeightFiles() {}

    /**
     * Reads the tensors of {@code path}: a directory as an EndoLens checkpoint ({@link Checkpoints}), a
     * {@code .safetensors} file with {@link SafeTensors}, a {@code .pt}, {@code .pth}, {@code .bin} or
     * {@code .ckpt} file, or any zip, with {@link TorchCheckpoint}.
     */
    public static StateDict read(Path path, NDManager manager) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(manager, "manager");
        if (Files.isDirectory(path)) {
            return Checkpoints.read(path, manager).weights();
        }
        if (!Files.exists(path)) {
            throw new EndoLensException(path + ": no such file");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".safetensors")) {
            return SafeTensors.read(path, manager);
        }
        byte[] head = FileAccess.head(path, 2);
        boolean zip = head.length == 2 && head[0] == 'P' && head[1] == 'K';
        if (zip || TORCH_SUFFIXES.stream().anyMatch(name::endsWith)) {
            return TorchCheckpoint.read(path, manager);
        }
        throw new DataFormatException(path + ": unrecognised weights file; expected an EndoLens checkpoint "
                + "directory, a .safetensors file or a PyTorch checkpoint (.pt, .pth, .bin, .ckpt)");
    }
}
