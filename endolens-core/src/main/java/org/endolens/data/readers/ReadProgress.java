package org.endolens.data.readers;

import java.util.function.IntConsumer;

/** Where a reader reports progress while it decodes files, e.g. a console progress bar. */
@FunctionalInterface
public interface ReadProgress {
    /** Reports nothing. */
    ReadProgress NONE = (name, total) -> done -> { };

    /**
     * Announces a phase of {@code total} files; the returned consumer is given the number done so far, possibly from
     * several threads.
     */
    IntConsumer phase(String name, int total);
}
