package org.endolens.report;

import org.endolens.DataFormatException;
import org.endolens.EndoLensException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON-lines file strictly as UTF-8, one line at a time, so invalid bytes are reported with the line they
 * are on (a buffered reader would report where its buffer happened to end).
 */
public final class Utf8Lines {
    private Utf8Lines() {}

    /** The file's lines without their line breaks; a leading byte-order mark is dropped. */
    public static List<String> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new EndoLensException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            int length = end > start && bytes[end - 1] == '\r' ? end - start - 1 : end - start;
            try {
                lines.add(decoder.decode(ByteBuffer.wrap(bytes, start, length)).toString());
            } catch (CharacterCodingException e) {
                throw new DataFormatException(file + ":" + (lines.size() + 1)
                        + ": not valid UTF-8 text; re-save the file as UTF-8", e);
            }
            start = end + 1;
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        return lines;
    }
}
