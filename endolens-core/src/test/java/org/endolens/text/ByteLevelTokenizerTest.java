package org.endolens.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ByteLevelTokenizerTest {
    private final ByteLevelTokenizer tokenizer = new ByteLevelTokenizer();

    @Test
    void encodesBytesBetweenStartAndEndTokensThenPads() {
        long[][] rows = tokenizer.encode(List.of("  Ab\tc "), 8);
        // "ab c" -> bytes 97 98 32 99, shifted by one
        assertArrayEquals(new long[] {257, 98, 99, 33, 100, 258, 0, 0}, rows[0]);
    }

    @Test
    void truncatesLongTextButKeepsEndOfTextLast() {
        long[] row = tokenizer.encode(List.of("sessile polyp"), 5)[0];
        assertArrayEquals(new long[] {257, 116, 102, 116, 258}, row);
    }

    @Test
    void multiByteCharactersBecomeSeveralTokensAndEotIsTheHighestId() {
        long[] row = tokenizer.encode(List.of("é"), 6)[0];
        assertArrayEquals(new long[] {257, 0xC3 + 1, 0xA9 + 1, 258, 0, 0}, row);
        assertEquals(ByteLevelTokenizer.EOT + 1, tokenizer.vocabSize());
    }
}
