package org.endolens.cli;

import org.endolens.cleanse.LabelledFrames;
import org.endolens.cleanse.LogisticQualityModel;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.RecordsFile;
import org.endolens.data.synthetic.SyntheticColonoscopy;
import org.endolens.data.synthetic.SyntheticConfig;
import org.endolens.util.Json;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code endolens cleanse} and {@code endolens cleanse train} on the tiny synthetic set. */
class CleanseCommandTest {
    @TempDir
    static Path tmp;

    private static Path records;
    private static List<ExamRecord> exams;

    @BeforeAll
    static void tinySet() {
        Path dir = tmp.resolve("synthetic");
        exams = SyntheticColonoscopy.generate(dir, SyntheticConfig.tiny());
        records = dir.resolve(SyntheticColonoscopy.RECORDS_FILE);
    }

    @Test
    void trainsOnRecordLabelsThenCleansWithTheModel() throws Exception {
        Path model = tmp.resolve("models/cleanse.json");
        Output train = run("cleanse", "train", "--records", records.toString(), "--out", model.toString(),
                "--threads", "2");
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("background-frame F1 on the training frames"), train.out());
        assertEquals(LogisticQualityModel.FORMAT, Json.mapper().readTree(model.toFile()).get("format").asText());

        Path kept = tmp.resolve("out/kept.jsonl");
        Path report = tmp.resolve("out/frames.csv");
        Output cleanse = run("cleanse", "--records", records.toString(), "--out", kept.toString(), "--model",
                model.toString(), "--report", report.toString());
        assertEquals(0, cleanse.code(), cleanse.err());
        int frames = exams.stream().mapToInt(e -> e.frames().size()).sum();
        assertTrue(cleanse.out().contains("logistic model trained on"), cleanse.out());
        assertTrue(cleanse.out().contains(frames + " in, "), cleanse.out());
        assertTrue(cleanse.out().contains("no bad inputs"), cleanse.out());
        List<ExamRecord> written = RecordsFile.read(kept);
        assertEquals(exams.size(), written.size());
        for (ExamRecord exam : written) {
            for (FrameRecord frame : exam.frames()) {
                assertTrue(Files.isRegularFile(RecordsFile.resolve(kept, frame.path())), frame.path());
            }
        }
        List<String> rows = Files.readAllLines(report);
        assertEquals(frames + 1, rows.size());
        long keptRows = rows.stream().filter(r -> r.contains(",informative,")).count();
        assertEquals(written.stream().mapToInt(e -> e.frames().size()).sum(), keptRows);
    }

    @Test
    void trainsOnALabelsCsv() throws Exception {
        List<String> lines = new ArrayList<>(List.of("path,label"));
        for (ExamRecord exam : exams) {
            for (FrameRecord frame : exam.frames()) {
                lines.add("synthetic/" + frame.path() + "," + (LabelledFrames.isBackground(frame.label()) ? 0 : 1));
            }
        }
        Path labels = tmp.resolve("labels.csv");
        Files.write(labels, lines);
        Path model = tmp.resolve("from-csv.json");
        Output train = run("cleanse", "train", "--labels", labels.toString(), "--out", model.toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(Files.isRegularFile(model));
    }

    @Test
    void defaultRulesNeedNoModel() {
        Path kept = tmp.resolve("rules.jsonl");
        Output cleanse = run("cleanse", "--records", records.toString(), "--out", kept.toString());
        assertEquals(0, cleanse.code(), cleanse.err());
        assertTrue(cleanse.out().contains("default rules"), cleanse.out());
    }

    @Test
    void missingOutputIsAUsageError() {
        Output cleanse = run("cleanse", "--records", records.toString());
        assertEquals(2, cleanse.code());
        assertTrue(cleanse.err().contains("--out"), cleanse.err());
    }

    private static Output run(String... args) {
        CommandLine cli = EndoLensCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Output(code, out.toString(), err.toString());
    }

    private record Output(int code, String out, String err) {}
}
