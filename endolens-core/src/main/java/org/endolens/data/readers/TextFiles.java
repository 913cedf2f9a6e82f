package org.endolens.data.readers;

import org.endolens.data.Problems;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a data set's text files strictly as UTF-8, so a mis-encoded file is reported instead of read as garbage. */
final class TextFiles {
    private TextFiles() {}

    /** The file's text without a leading byte-order mark, or empty after reporting why it cannot be read. */
    static Optional<String> readUtf8(Path file, Problems problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.report(file.toString(), "cannot read (" + e.getMessage() + ")");
            return Optional.empty();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            problems.report(file.toString(), "not valid UTF-8 text (byte offset " + in.position()
                    + "); re-save the file as UTF-8");
            return Optional.empty();
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
}
