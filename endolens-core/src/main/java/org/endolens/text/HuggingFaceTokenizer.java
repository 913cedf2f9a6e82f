package org.endolens.text;

import org.endolens.EndoLensException;

import ai.djl.huggingface.tokenizers.Encoding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A Hugging Face {@code tokenizer.json} (for instance CLIP's BPE, whose {@code <|endoftext|>} is the highest
 * id), read from a local path only. Rows are truncated to the context length with EOT kept last, as open_clip does.
 */
public final class HuggingFaceTokenizer implements Tokenizer, AutoCloseable {
    private final ai.djl.huggingface.tokenizers.HuggingFaceTokenizer tokenizer;
    private final Path file;
    private final int vocabSize;

    private HuggingFaceTokenizer(Path file, ai.djl.huggingface.tokenizers.HuggingFaceTokenizer tokenizer, int vocabSize) {
        this.file = file;
        this.tokenizer = tokenizer;
        this.vocabSize = vocabSize;
    }

    /** Loads {@code tokenizer.json}; the vocabulary size is the highest id it can produce plus one. */
    public static HuggingFaceTokenizer load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new EndoLensException(file + ": no such tokenizer file (expected a Hugging Face tokenizer.json)");
        }
        try {
            var tokenizer = ai.djl.huggingface.tokenizers.HuggingFaceTokenizer.newInstance(file,
                    Map.of("addSpecialTokens", "true", "padding", "false", "truncation", "false"));
            Encoding eot = tokenizer.encode("", true, false);
            long[] ids = eot.getIds();
            int vocab = ids.length == 0 ? 0 : (int) ids[ids.length - 1] + 1;
            return new HuggingFaceTokenizer(file, tokenizer, vocab);
        } catch (IOException | RuntimeException e) {
            throw new EndoLensException(file + ": not a readable Hugging Face tokenizer.json (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public long[][] encode(List<String> texts, int contextLength) {
        long[][] rows = new long[texts.size()][contextLength];
        for (int r = 0; r < texts.size(); r++) {
            long[] ids = tokenizer.encode(texts.get(r)).getIds();
            int n = Math.min(ids.length, contextLength);
            System.arraycopy(ids, 0, rows[r], 0, n);
            if (ids.length > contextLength) {
                rows[r][contextLength - 1] = ids[ids.length - 1];
            }
        }
        return rows;
    }

    /** The end-of-text id (the last special token of an empty encoding) plus one; checked against the text tower. */
    @Override
    public int vocabSize() {
        if (vocabSize <= 0) {
            throw new EndoLensException(file + ": tokenizer adds no end-of-text token; CLIP pooling needs one");
        }
        return vocabSize;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
