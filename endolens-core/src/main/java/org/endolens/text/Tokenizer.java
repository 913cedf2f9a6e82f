package org.endolens.text;

import java.util.List;

/**
 * Turns texts into fixed-length token id rows for a CLIP text tower: start token, text, end-of-text token, zero
 * padding. The end-of-text id must be the highest id in the vocabulary, because the tower pools at the argmax.
 */
public interface Tokenizer {
    /** Token rows of exactly {@code contextLength} ids; texts that do not fit are truncated and still end in EOT. */
    long[][] encode(List<String> texts, int contextLength);

    /** Number of ids the text tower's embedding must hold. */
    int vocabSize();
}
