package org.endolens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a benchmark ran on, as far as the JVM can tell: CPU model and cores. */
public final class Host {
    private Host() {}

    /** The first {@code model name} of {@code /proc/cpuinfo}, or {@code os.arch} where there is none. */
    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // Not Linux: fall through to the architecture name.
        }
        return System.getProperty("os.arch");
    }

    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
