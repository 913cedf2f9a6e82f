package org.endolens.data.readers;

import org.endolens.EndoLensException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** File listing and naming shared by the folder readers: sorted listings, ids from file names, natural order. */
final class DatasetFiles {
    /** Orders "2" before "10" and "seq2_9" before "seq2_10": digit runs compare as numbers. */
    static final Comparator<String> NATURAL_ORDER = DatasetFiles::compareNaturally;

    private DatasetFiles() {}

    /** {@code dir}, which must be a folder; {@code what} says what the format expects there. */
    static Path requireFolder(Path dir, String what) {
        if (!Files.isDirectory(dir)) {
            throw new EndoLensException(dir + ": no such folder (expected " + what + ")");
        }
        return dir;
    }

    /** The regular, non-hidden files directly in {@code dir} that {@code accept}, in natural order of their names. */
    static List<Path> list(Path dir, Predicate<Path> accept) {
        return sorted(dir, 1, accept);
    }

    /** The regular files below {@code dir} (hidden files and folders skipped) that {@code accept}, in natural order. */
    static List<Path> walk(Path dir, Predicate<Path> accept) {
        return sorted(dir, Integer.MAX_VALUE, accept);
    }

    /** The file name without its last extension. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The path of {@code file} below {@code root} without its extension, with '/' separators. */
    static String relativeId(Path root, Path file) {
        Path relative = root.relativize(file);
        Path parent = relative.getParent();
        return parent == null ? stem(relative) : slashed(parent) + "/" + stem(relative);
    }

    /** A relative path as records and ids write it, with '/' separators on every platform. */
    static String slashed(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    /** The absolute, normalised path as a records path string. */
    static String absolute(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    private static List<Path> sorted(Path dir, int depth, Predicate<Path> accept) {
        Path root = dir.toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(root, depth)) {
            return files.filter(p -> !hidden(root, p) && Files.isRegularFile(p) && accept.test(p))
                    .sorted(Comparator.comparing((Path p) -> root.relativize(p).toString(), NATURAL_ORDER))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new EndoLensException(dir + ": cannot list files (" + e.getMessage() + ")", e);
        }
    }

    private static boolean hidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static int compareNaturally(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                String da = a.substring(i, endA).replaceFirst("^0+(?=.)", "");
                String db = b.substring(j, endB).replaceFirst("^0+(?=.)", "");
                int byValue = da.length() != db.length() ? Integer.compare(da.length(), db.length()) : da.compareTo(db);
                if (byValue != 0) {
                    return byValue;
                }
                i = endA;
                j = endB;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }
}
