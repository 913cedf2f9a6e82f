package org.endolens.weights;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** An EndoLens checkpoint directory as read by {@link Checkpoints#read}: weights, architecture and provenance. */
public record LoadedCheckpoint(StateDict weights, JsonNode config, JsonNode provenance) {
    public LoadedCheckpoint {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(provenance, "provenance");
    }
}
