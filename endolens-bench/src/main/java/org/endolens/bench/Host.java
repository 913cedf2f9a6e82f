package org.endolens.bench;

import org.endolens.EndoLensException;
import org.endolens.data.image.ImageFiles;

import com.sun.management.OperatingSystemMXBean;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a benchmark ran on and what it costs the process: CPU model, cores, CPU time, and the image folders it reads. */
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

    /** CPU time of this process (all threads, GC and JIT included), in seconds; NaN where the JVM cannot tell. */
    public static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** The images directly in {@code folder}, sorted by name; an error when there is none. */
    public static List<Path> images(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new EndoLensException(folder + ": no such image folder");
        }
        try (Stream<Path> listing = Files.list(folder)) {
            List<Path> files = listing.filter(ImageFiles::isImage).sorted().toList();
            if (files.isEmpty()) {
                throw new EndoLensException(folder + ": no JPEG, PNG, TIFF or BMP images");
            }
            return files;
        } catch (IOException e) {
            throw new EndoLensException(folder + ": cannot list (" + e.getMessage() + ")", e);
        }
    }
}
