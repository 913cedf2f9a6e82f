package org.endolens.data;

import org.endolens.util.AtomicTextFile;
import org.endolens.DataFormatException;
import org.endolens.EndoLensException;
import org.endolens.util.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes the records JSONL format: one {@link ExamRecord} per line, UTF-8. Reading is strict: a
 * malformed line, invalid UTF-8 or a duplicate {@code exam_id} is an error naming the file and line. Writing is atomic.
 */
public final class RecordsFile {
    private RecordsFile() {}

    /** Reads every exam; any bad line is an error naming the file and line. */
    public static List<ExamRecord> read(Path file) {
        return read(file, new Problems(BadInputPolicy.FAIL));
    }

    /**
     * Reads every exam; a malformed line or a duplicate {@code exam_id} is reported to {@code problems} (which
     * throws under FAIL) and the line skipped. Invalid UTF-8 stops the read: later lines cannot be trusted.
     */
    public static List<ExamRecord> read(Path file, Problems problems) {
        if (!Files.isRegularFile(file)) {
            throw new EndoLensException(file + ": no such records file");
        }
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<ExamRecord> exams = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                ExamRecord exam;
                try {
                    exam = Json.mapper().readValue(line, ExamRecord.class);
                } catch (IOException | IllegalArgumentException e) {
                    problems.report(file + ":" + lineNumber, "not a valid exam record (" + Json.reason(e) + ")");
                    continue;
                }
                if (!ids.add(exam.examId())) {
                    problems.report(file + ":" + lineNumber, "duplicate exam_id '" + exam.examId() + "'");
                    continue;
                }
                exams.add(exam);
            }
        } catch (CharacterCodingException e) {
            throw new DataFormatException(file + ":" + (lineNumber + 1) + ": not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new EndoLensException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return exams;
    }

    public static void write(Path file, List<ExamRecord> exams) {
        var writer = Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        AtomicTextFile.write(file, "records", out -> {
            for (ExamRecord exam : exams) {
                out.write(writer.writeValueAsString(exam));
                out.newLine();
            }
        });
    }

    /** Resolves a record's relative {@code path} against the records file's folder. */
    public static Path resolve(Path recordsFile, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : recordsFile.toAbsolutePath().getParent().resolve(p).normalize();
    }
}
