package org.endolens.text;

import java.nio.file.Files;
import java.nio.file.Path;
import org.endolens.EndoLensException;
import org.endolens.nn.TextConfig;

/** Picks the tokenizer a text tower was trained with. */
public final class Tokenizers {
    /** The file name a pre-training run keeps its Hugging Face tokenizer under, beside its checkpoint. */
    public static final String FILE = "tokenizer.json";

    private Tokenizers() {}

    /** {@code explicit} if given, else the {@value #FILE} a pre-training run kept in {@code checkpoint}, else null. */
    public static Path fileFor(Path explicit, Path checkpoint) {
        if (explicit != null) {
            return explicit;
        }
        Path kept = checkpoint == null ? null : checkpoint.resolve(FILE);
        return kept != null && Files.isRegularFile(kept) ? kept : null;
    }

    /**
     * {@code file} (a Hugging Face {@code tokenizer.json}) when given, else the byte-level tokenizer, which only fits
     * towers with its 259-id vocabulary (EndoLens presets); a tower with another vocabulary (an imported open_clip
     * or HF CLIP model) needs its own tokenizer file.
     */
    public static Tokenizer forTower(TextConfig text, Path file) {
        Tokenizer tokenizer;
        if (file != null) {
            tokenizer = HuggingFaceTokenizer.load(file);
        } else if (text.vocabSize() == ByteLevelTokenizer.VOCAB_SIZE) {
            return new ByteLevelTokenizer();
        } else {
            throw new EndoLensException("the text tower has a " + text.vocabSize() + "-token vocabulary, not the byte-level"
                    + " tokenizer's " + ByteLevelTokenizer.VOCAB_SIZE + "; pass --tokenizer with the model's tokenizer.json");
        }
        if (tokenizer.vocabSize() > text.vocabSize()) {
            throw new EndoLensException(file + ": the tokenizer produces ids up to " + (tokenizer.vocabSize() - 1)
                    + " but the text tower has only " + text.vocabSize() + " token embeddings");
        }
        return tokenizer;
    }
}
