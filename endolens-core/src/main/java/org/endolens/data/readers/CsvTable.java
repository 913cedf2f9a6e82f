package org.endolens.data.readers;

import org.endolens.data.Problems;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A small comma-separated table with a header row, as the data sets' {@code split.csv}, {@code labels.csv} and
 * {@code sequences.csv}: UTF-8, RFC 4180 quotes, one record per line. Malformed rows are reported and left out.
 */
final class CsvTable {
    private final Path file;
    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(Path file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    /** The table in {@code file}, or empty when the file is absent; unreadable files are reported. */
    static Optional<CsvTable> readIfPresent(Path file, Problems problems) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Optional<String> text = TextFiles.readUtf8(file, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = text.get().lines().toList();
        if (lines.isEmpty()) {
            problems.report(file.toString(), "empty file; expected a header row");
            return Optional.empty();
        }
        List<String> header = fields(lines.get(0)).orElse(List.of()).stream().map(String::strip).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Optional<List<String>> fields = fields(line);
            if (fields.isEmpty()) {
                problems.report(file + ":" + (i + 1), "unterminated quoted field");
            } else if (fields.get().size() != header.size()) {
                problems.report(file + ":" + (i + 1), "expected " + header.size() + " fields " + header + ", found "
                        + fields.get().size());
            } else {
                rows.add(new Row(i + 1, fields.get()));
            }
        }
        return Optional.of(new CsvTable(file, header, rows));
    }

    boolean hasColumn(String name) {
        return header.contains(name);
    }

    /**
     * {@code valueColumn} keyed by {@code keyColumn}, in row order. Values failing {@code valid} and repeated keys are
     * reported ({@code expected} says what a valid value looks like); a missing column reports the file once.
     */
    Map<String, String> column(String keyColumn, String valueColumn, Predicate<String> valid, String expected,
            Problems problems) {
        int key = header.indexOf(keyColumn);
        int value = header.indexOf(valueColumn);
        Map<String, String> values = new LinkedHashMap<>();
        if (key < 0 || value < 0) {
            problems.report(file.toString(), "expected columns " + keyColumn + "," + valueColumn + ", found " + header);
            return values;
        }
        for (Row row : rows) {
            String k = row.fields().get(key).strip();
            String v = row.fields().get(value).strip();
            if (!valid.test(v)) {
                problems.report(file + ":" + row.line(), valueColumn + " '" + v + "' of '" + k + "' is not " + expected);
            } else if (values.putIfAbsent(k, v) != null) {
                problems.report(file + ":" + row.line(), "duplicate " + keyColumn + " '" + k + "'");
            }
        }
        return values;
    }

    // One line into fields; empty when a quote is left open.
    private static Optional<List<String>> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return Optional.empty();
        }
        fields.add(field.toString());
        return Optional.of(fields);
    }

    private record Row(int line, List<String> fields) {}
}
