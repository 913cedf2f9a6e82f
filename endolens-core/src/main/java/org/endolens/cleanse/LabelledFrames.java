package org.endolens.cleanse;

import org.endolens.EndoLensException;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.data.RecordsFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Image files labelled informative or background, to train a {@link LogisticQualityModel}: read from a
 * {@code path,label} CSV, or from a records file whose frame labels follow the {@code background:<kind>} convention.
 */
public final class LabelledFrames {
    /** Frame labels starting with this (case-insensitive) mark background frames, e.g. {@code background:dark}. */
    public static final String BACKGROUND_PREFIX = "background";
    private static final String HEADER = "path,label";

    private final String source;
    private final List<Path> files;
    private final boolean[] informative;

    private LabelledFrames(String source, List<Path> files, List<Boolean> informative) {
        this.source = source;
        this.files = List.copyOf(files);
        this.informative = new boolean[informative.size()];
        for (int i = 0; i < this.informative.length; i++) {
            this.informative[i] = informative.get(i);
        }
    }

    /** Whether a record's frame label marks a background frame ({@code background} or {@code background:<kind>}). */
    public static boolean isBackground(String label) {
        return label != null && label.toLowerCase(Locale.ROOT).startsWith(BACKGROUND_PREFIX);
    }

    /**
     * Reads a UTF-8 CSV with the header {@code path,label}; paths are relative to the CSV's folder unless absolute
     * and may be quoted, labels are {@code informative} or {@code 1}, {@code background} or {@code 0}. A row with
     * another label is reported to {@code problems} and left out.
     */
    public static LabelledFrames fromCsv(Path csv, Problems problems) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EndoLensException(csv + ": cannot read the labels (" + e.getMessage() + ")", e);
        }
        if (lines.isEmpty() || !lines.get(0).strip().replace(" ", "").equalsIgnoreCase(HEADER)) {
            throw new EndoLensException(csv + ": expected the header '" + HEADER + "' on the first line");
        }
        List<Path> files = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            // The label never holds a comma, so the last comma ends the path, which may hold commas itself.
            int comma = line.lastIndexOf(',');
            String label = comma < 0 ? "" : line.substring(comma + 1).strip().toLowerCase(Locale.ROOT);
            Boolean kept = switch (label) {
                case "informative", "1" -> true;
                case "background", "0" -> false;
                default -> null;
            };
            if (kept == null) {
                problems.report(csv + ":" + (n + 1), "label '" + label + "' is not informative, background, 1 or 0");
                continue;
            }
            files.add(RecordsFile.resolve(csv, unquote(line.substring(0, comma).strip())));
            labels.add(kept);
        }
        return new LabelledFrames(csv.toString(), files, labels);
    }

    /**
     * The labelled frames of a records file: {@code background*} labels are background, any other label is
     * informative, and frames without a label are left out.
     */
    public static LabelledFrames fromRecords(Path records, Problems problems) {
        List<Path> files = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (ExamRecord exam : RecordsFile.read(records, problems)) {
            for (FrameRecord frame : exam.frames()) {
                if (frame.label() != null && !frame.label().isBlank()) {
                    files.add(RecordsFile.resolve(records, frame.path()));
                    labels.add(!isBackground(frame.label()));
                }
            }
        }
        return new LabelledFrames(records.toString(), files, labels);
    }

    /**
     * Decodes and measures every frame on {@code threads} threads; unreadable frames are reported to
     * {@code problems} and left out.
     */
    public LabelledFeatures score(FrameQualityScorer scorer, int threads, Problems problems, IntConsumer progress) {
        List<FrameFeatures> scored = scorer.scoreFiles(files, threads, problems, progress);
        List<FrameFeatures> readable = new ArrayList<>();
        boolean[] labels = new boolean[scored.size()];
        for (int i = 0; i < scored.size(); i++) {
            if (scored.get(i) != null) {
                labels[readable.size()] = informative[i];
                readable.add(scored.get(i));
            }
        }
        return new LabelledFeatures(source, readable, Arrays.copyOf(labels, readable.size()));
    }

    /** The labels or records file the frames came from. */
    public String source() {
        return source;
    }

    public List<Path> files() {
        return files;
    }

    /** Whether each of {@link #files()} is labelled informative. */
    public boolean[] informative() {
        return informative.clone();
    }

    public int size() {
        return files.size();
    }

    private static String unquote(String field) {
        if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
            return field.substring(1, field.length() - 1).replace("\"\"", "\"");
        }
        return field;
    }
}
