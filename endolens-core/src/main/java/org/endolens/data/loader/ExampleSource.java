package org.endolens.data.loader;

import java.util.random.RandomGenerator;

/**
 * A data set as the {@link DataLoader} sees it: items by index, the patient or exam each belongs to, and how to turn
 * one into an {@link Example}. {@link #load} is called from several threads at once.
 */
public interface ExampleSource {
    int size();

    /** The patient or exam item {@code index} belongs to: what per-patient batches group by. */
    String group(int index);

    /** The file (or record) that item {@code index} comes from, to name in problem reports. */
    String describe(int index);

    /**
     * Decodes and augments item {@code index} with {@code random}. Unreadable input throws an
     * {@link org.endolens.EndoLensException} (or {@link java.io.UncheckedIOException}), which the loader reports as
     * a bad input.
     */
    Example load(int index, RandomGenerator random);
}
