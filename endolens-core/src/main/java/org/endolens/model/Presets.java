package org.endolens.model;

import org.endolens.EndoLensException;
import org.endolens.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Named model configurations shipped as JSON resources, like open_clip's {@code model_configs/}. */
public final class Presets {
    /** Every preset shipped with EndoLens. */
    public static final List<String> NAMES = List.of(
            "vit-tiny-8", "vit-mini-8", "vit-s-16", "vit-b-16", "clip-tiny", "clip-vit-b-16", "endoclip-tiny", "endoclip-vit-b-16",
            "timesformer-tiny-8", "timesformer-b-16");

    private Presets() {}

    /** Loads a preset by name, or a config JSON file when {@code nameOrPath} names an existing file. */
    public static ModelConfig load(String nameOrPath) {
        Path file = Path.of(nameOrPath);
        if (nameOrPath.endsWith(".json") && Files.isRegularFile(file)) {
            try {
                return Json.mapper().readValue(file.toFile(), ModelConfig.class);
            } catch (IOException | IllegalArgumentException e) {
                throw new EndoLensException(nameOrPath + ": not a valid model config (" + Json.reason(e) + ")", e);
            }
        }
        String resource = "presets/" + nameOrPath + ".json";
        try (InputStream in = Presets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new EndoLensException("unknown preset '" + nameOrPath + "'; known presets: "
                        + String.join(", ", NAMES) + " (or pass a config .json file)");
            }
            return Json.mapper().readValue(in, ModelConfig.class);
        } catch (IOException e) {
            throw new EndoLensException("preset '" + nameOrPath + "' is unreadable: " + e.getMessage(), e);
        }
    }
}
