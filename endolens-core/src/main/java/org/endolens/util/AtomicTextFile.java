package org.endolens.util;

import org.endolens.EndoLensException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a UTF-8 text file atomically: into a temporary file beside it, then renamed over it. */
public final class AtomicTextFile {
    /** Writes the content of the file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(BufferedWriter out) throws IOException;
    }

    private AtomicTextFile() {}

    /** Writes {@code file}; {@code what} names the content in the error message (e.g. "records"). */
    public static void write(Path file, String what, Content content) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    content.writeTo(out);
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new EndoLensException(file + ": cannot write " + what + " (" + e.getMessage() + ")", e);
        }
    }

    /** Copies the text file {@code source} to {@code file} atomically; {@code what} names it in error messages. */
    public static void copy(Path source, Path file, String what) {
        String text;
        try {
            text = Files.readString(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EndoLensException(source + ": cannot read " + what + " (" + e.getMessage() + ")", e);
        }
        write(file, what, out -> out.write(text));
    }
}
