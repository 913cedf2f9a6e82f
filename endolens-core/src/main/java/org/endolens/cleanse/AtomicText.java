package org.endolens.cleanse;

import org.endolens.EndoLensException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a UTF-8 text file atomically: into a temporary file beside it, then renamed over it. */
final class AtomicText {
    /** Writes the content of the file. */
    @FunctionalInterface
    interface Content {
        void writeTo(BufferedWriter out) throws IOException;
    }

    private AtomicText() {}

    static void write(Path file, String what, Content content) {
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
}
