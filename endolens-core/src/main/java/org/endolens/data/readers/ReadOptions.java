package org.endolens.data.readers;

import java.util.Objects;

/** How thoroughly a {@link DatasetReader} checks what it reads, and where it reports progress. */
public record ReadOptions(Validation validation, ReadProgress progress) {
    public ReadOptions {
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(progress, "progress");
    }

    public static ReadOptions of(Validation validation) {
        return new ReadOptions(validation, ReadProgress.NONE);
    }
}
