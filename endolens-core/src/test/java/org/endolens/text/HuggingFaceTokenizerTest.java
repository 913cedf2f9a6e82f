package org.endolens.text;

import org.endolens.EndoLensException;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A local tokenizer.json (a word-level vocabulary with CLIP's special tokens) encodes like open_clip's tokenize. */
class HuggingFaceTokenizerTest {
    private static Path file() throws URISyntaxException {
        return Path.of(HuggingFaceTokenizerTest.class.getResource("/tokenizers/word-level-clip.json").toURI());
    }

    @Test
    void encodesWithStartAndEndTokensAndZeroPadding() throws Exception {
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.load(file())) {
            long[][] rows = tokenizer.encode(List.of("A sessile polyp in the CECUM", "polyp"), 10);
            assertArrayEquals(new long[] {8, 2, 3, 4, 5, 6, 7, 9, 0, 0}, rows[0]);
            assertArrayEquals(new long[] {8, 4, 9, 0, 0, 0, 0, 0, 0, 0}, rows[1]);
            assertEquals(10, tokenizer.vocabSize());
        }
    }

    @Test
    void truncatesButKeepsEndOfText() throws Exception {
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.load(file())) {
            assertArrayEquals(new long[] {8, 2, 3, 9}, tokenizer.encode(List.of("a sessile polyp in the cecum"), 4)[0]);
        }
    }

    @Test
    void missingFileIsAClearError() {
        EndoLensException e = assertThrows(EndoLensException.class, () -> HuggingFaceTokenizer.load(Path.of("nope/tokenizer.json")));
        assertTrue(e.getMessage().startsWith("nope/tokenizer.json: no such tokenizer file"), e.getMessage());
    }
}
