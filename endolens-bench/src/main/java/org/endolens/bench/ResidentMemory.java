package org.endolens.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The process's resident set size ({@code VmRSS} in {@code /proc/self/status}): native tensors live outside the Java
 * heap, so a leak of them shows here and not in the JVM's memory figures.
 */
public final class ResidentMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ResidentMemory() {}

    /** Whether the platform exposes {@code /proc/self/status} (Linux). */
    public static boolean available() {
        return Files.isReadable(STATUS);
    }

    /** Resident bytes now. */
    public static long bytes() {
        try {
            return parseVmRss(Files.readAllLines(STATUS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STATUS + " (resident memory is measured on Linux only)", e);
        }
    }

    /** The {@code VmRSS:   1234 kB} line of a status file, in bytes. */
    static long parseVmRss(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmRSS:")) {
                String[] fields = line.substring("VmRSS:".length()).trim().split("\\s+");
                if (fields.length != 2 || !fields[1].equals("kB")) {
                    throw new IllegalStateException("unexpected VmRSS line '" + line + "'; expected 'VmRSS: <n> kB'");
                }
                return Long.parseLong(fields[0]) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS line in " + STATUS);
    }
}
