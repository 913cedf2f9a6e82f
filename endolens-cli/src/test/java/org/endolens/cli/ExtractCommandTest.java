package org.endolens.cli;

import org.endolens.report.AttributesFile;
import org.endolens.report.ExamAttributes;
import org.endolens.testing.SharedPaths;
import org.endolens.util.Json;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code endolens extract}: attributes files, evaluation tables, and one-line errors for bad records. */
class ExtractCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesOneAttributesLinePerExam() throws Exception {
        Path records = records("{\"patient_id\":\"P1\",\"exam_id\":\"E1\",\"report\":\"Cecum reached. BBPS 3-3-3 (9). "
                        + "Two 3 mm sessile polyps in the rectum. Pathology: hyperplastic polyps.\"}",
                "{\"patient_id\":\"P1\",\"exam_id\":\"E2\",\"report\":\"Cecum reached. No polyps. Diverticulosis.\"}");
        Path out = tmp.resolve("out/attributes.jsonl");
        Output run = run("--records", records.toString(), "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("extracted attributes of 2 exams (rules): 1 with polyps, 2 polyps counted"), run.out());
        List<ExamAttributes> written = AttributesFile.read(out);
        assertEquals(List.of("E1", "E2"), written.stream().map(ExamAttributes::examId).toList());
        assertEquals(2, written.get(0).attributes().polyps().get(0).count());
        assertEquals(List.of("diverticulosis"), List.copyOf(written.get(1).attributes().otherFindings()));
    }

    @Test
    void evaluatesTheDevSet() throws Exception {
        Path dev = SharedPaths.data().resolve("reports/dev.jsonl");
        Assumptions.assumeTrue(Files.isRegularFile(dev), "reports dev set not found at " + dev + "; skipping");
        Path json = tmp.resolve("scores.json");
        Output run = run("--eval", dev.toString(), "--json", json.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("polyp-count accuracy: "), run.out());
        JsonNode scores = Json.mapper().readTree(json.toFile());
        assertEquals(40, scores.get("reports").asInt());
        scores.get("fields").forEach(field -> assertTrue(field.get("f1").asDouble() >= 0.95, field.toString()));
    }

    @Test
    void namesTheFileAndLineOfAnEmptyReport() throws Exception {
        Path records = records("{\"patient_id\":\"P1\",\"exam_id\":\"E1\",\"report\":\"Cecum reached.\"}", "",
                "{\"patient_id\":\"P1\",\"exam_id\":\"E2\",\"report\":\" \"}");
        Output run = run("--records", records.toString(), "--out", tmp.resolve("a.jsonl").toString());
        assertEquals(1, run.code());
        assertEquals("endolens extract: " + records + ":3: exam 'E2' has an empty report; add its report text or drop "
                + "the exam", run.err().strip());
        Output skipped = run("--records", records.toString(), "--out", tmp.resolve("b.jsonl").toString(),
                "--on-bad-input", "skip");
        assertEquals(0, skipped.code(), skipped.err());
        assertTrue(skipped.out().contains("1 bad input skipped"), skipped.out());
    }

    @Test
    void namesTheFileAndLineOfInvalidUtf8() throws Exception {
        Path records = tmp.resolve("latin1.jsonl");
        Files.write(records, ("{\"patient_id\":\"P1\",\"exam_id\":\"E1\",\"report\":\"Cecum reached.\"}\n"
                + "{\"patient_id\":\"P1\",\"exam_id\":\"E2\",\"report\":\"Caecum atteint, pr\u00e9paration bonne.\"}\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        Output run = run("--records", records.toString(), "--out", tmp.resolve("a.jsonl").toString());
        assertEquals(1, run.code());
        assertTrue(run.err().startsWith("endolens extract: " + records + ":2: not valid UTF-8"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void rejectsMixedOrMissingModes() {
        assertEquals(2, run().code());
        assertEquals(2, run("--records", "a.jsonl").code());
        assertEquals(2, run("--eval", "a.jsonl", "--out", "b.jsonl").code());
        Output llm = run("--eval", "a.jsonl", "--extractor", "llm");
        assertEquals(1, llm.code());
        assertTrue(llm.err().contains("--llm-url"), llm.err());
        assertFalse(run("--help").out().isEmpty());
    }

    private Path records(String... lines) throws Exception {
        Path file = tmp.resolve("records.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    // The command as registered under "endolens", with the CLI's handler that turns errors into one line.
    private static Output run(String... args) {
        CommandLine cli = new CommandLine(new ExtractCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(EndoLensCli.commandLine().getExecutionExceptionHandler());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Output(cli.execute(args), out.toString(), err.toString());
    }

    private record Output(int code, String out, String err) {}
}
