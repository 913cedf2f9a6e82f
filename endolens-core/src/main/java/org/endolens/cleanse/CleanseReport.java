package org.endolens.cleanse;

import org.endolens.util.AtomicTextFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The per-frame CSV of a cleansing run: {@code exam_id, frame_id, path, score, decision, reason}, then every
 * feature in {@link FrameFeatures#NAMES} order; unreadable frames have empty score, reason and features.
 */
public final class CleanseReport {
    private static final String FIXED_COLUMNS = "exam_id,frame_id,path,score,decision,reason";

    private CleanseReport() {}

    /** Writes the report atomically; paths are absolute. */
    public static void write(Path file, CleanseResult result) {
        AtomicTextFile.write(file, "cleansing report", out -> {
            out.write(FIXED_COLUMNS + "," + String.join(",", FrameFeatures.NAMES));
            out.newLine();
            for (FrameVerdict verdict : result.frames()) {
                row(out, verdict);
            }
        });
    }

    private static void row(BufferedWriter out, FrameVerdict v) throws IOException {
        StringBuilder line = new StringBuilder();
        line.append(field(v.examId())).append(',').append(field(v.frame().id())).append(',')
                .append(field(v.file().toAbsolutePath().normalize().toString())).append(',');
        if (v.decision() != null) {
            line.append(number(v.decision().score()));
        }
        line.append(',').append(v.status()).append(',');
        if (v.decision() != null) {
            line.append(v.decision().reasonLabel());
        }
        double[] features = v.features() == null ? new double[0] : v.features().toArray();
        for (int j = 0; j < FrameFeatures.NAMES.size(); j++) {
            line.append(',');
            if (j < features.length) {
                line.append(number(features[j]));
            }
        }
        out.write(line.toString());
        out.newLine();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    /** RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled. */
    private static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
