package org.endolens.text;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The offline default: one token per UTF-8 byte of the lower-cased, whitespace-normalised text. Ids: 0 padding,
 * 1..256 bytes, 257 start of text, 258 end of text. Needs no vocabulary file, so pre-training works anywhere.
 */
public final class ByteLevelTokenizer implements Tokenizer {
    public static final int PAD = 0;
    public static final int SOT = 257;
    public static final int EOT = 258;
    public static final int VOCAB_SIZE = 259;

    @Override
    public long[][] encode(List<String> texts, int contextLength) {
        if (contextLength < 2) {
            throw new IllegalArgumentException("context length must be at least 2 (start and end tokens), got " + contextLength);
        }
        long[][] rows = new long[texts.size()][contextLength];
        for (int r = 0; r < texts.size(); r++) {
            byte[] bytes = normalise(texts.get(r)).getBytes(StandardCharsets.UTF_8);
            int n = Math.min(bytes.length, contextLength - 2);
            long[] row = rows[r];
            row[0] = SOT;
            for (int i = 0; i < n; i++) {
                row[i + 1] = (bytes[i] & 0xFF) + 1L;
            }
            row[n + 1] = EOT;
        }
        return rows;
    }

    static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    @Override
    public int vocabSize() {
        return VOCAB_SIZE;
    }
}
