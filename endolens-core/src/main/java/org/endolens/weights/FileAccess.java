package org.endolens.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.endolens.EndoLensException;

/** File reads and atomic writes with the error messages every weights format shares. */
final class FileAccess {
    /** Writes a file's content into an open channel. */
    @FunctionalInterface
    interface ChannelWriter {
        void writeTo(FileChannel channel) throws IOException;
    }

    private FileAccess() {}

    static FileChannel openForRead(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw readFailure(file, e);
        }
    }

    static EndoLensException readFailure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new EndoLensException(file + ": no such file", e);
        }
        return new EndoLensException(file + ": cannot read (" + e + ")", e);
    }

    /** Reads exactly {@code length} bytes at {@code position} into a new little-endian direct buffer, flipped. */
    static ByteBuffer read(FileChannel channel, long position, long length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(Math.toIntExact(length)).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of file at byte " + (position + buffer.position()));
            }
        }
        return buffer.flip();
    }

    /** The first {@code length} bytes of a file, fewer when the file is shorter. */
    static byte[] head(Path file, int length) {
        try (FileChannel channel = openForRead(file)) {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            fill(channel, buffer);
            byte[] bytes = new byte[buffer.position()];
            buffer.flip().get(bytes);
            return bytes;
        } catch (IOException e) {
            throw readFailure(file, e);
        }
    }

    /** Reads from {@code channel} until {@code buffer} is full or the channel ends. */
    static void fill(ReadableByteChannel channel, ByteBuffer buffer) throws IOException {
        int read;
        do {
            read = channel.read(buffer);
        } while (read >= 0 && buffer.hasRemaining());
    }

    static void writeFully(FileChannel channel, ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            channel.write(data);
        }
    }

    /**
     * Writes {@code target} through a temporary file in the same directory that is synced and then renamed over
     * it, so readers see either the old file or the complete new one, never a partial write.
     */
    static void writeAtomically(Path target, ChannelWriter writer) {
        Path absolute = target.toAbsolutePath();
        Path temporary = null;
        try {
            Files.createDirectories(absolute.getParent());
            temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                writer.writeTo(channel);
                channel.force(true);
            }
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new EndoLensException(target + ": cannot write (" + e + ")", e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the write itself already succeeded or failed with its own message; a stray temp file is harmless
        }
    }
}
