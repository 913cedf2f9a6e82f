package org.endolens.cli;

import org.endolens.data.BadInputPolicy;
import org.endolens.data.ExamRecord;
import org.endolens.data.Problems;
import org.endolens.data.RecordsFile;
import org.endolens.report.AttributeEvaluation;
import org.endolens.report.AttributeExtractor;
import org.endolens.report.AttributesFile;
import org.endolens.report.ExamAttributes;
import org.endolens.report.LabelledReport;
import org.endolens.report.LabelledReports;
import org.endolens.report.ReportAttributes;
import org.endolens.report.Utf8Lines;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code endolens extract}: clinical attributes from the free-text reports of a records file, or their evaluation. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract clinical attributes (polyps with size, location, Paris class, histology and count; BBPS; "
                + "cecal intubation; other findings) from the reports of a records file into an attributes file, or with "
                + "--eval score the extractor against labelled reports (the reports dev.jsonl format).")
final class ExtractCommand implements Callable<Integer> {
    private static final int ERRORS_SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--records", paramLabel = "FILE", description = "Records JSONL whose exams' reports to read.")
    Path records;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Attributes JSONL to write ({exam_id, patient_id, attributes} per line, written atomically).")
    Path out;

    @Option(names = "--eval", paramLabel = "GOLD",
            description = "Labelled reports ({id, patient_id, report, gold} per line): print per-field precision, "
                    + "recall, F1 and polyp-count accuracy.")
    Path eval;

    @Option(names = "--json", paramLabel = "FILE", description = "With --eval: also write the scores as JSON.")
    Path json;

    @Option(names = "--on-bad-input", defaultValue = "fail", paramLabel = "fail|skip",
            description = "An exam with an empty report: fail (default) stops with its file and line; skip leaves it "
                    + "out and counts it.")
    BadInputPolicy onBadInput;

    @Mixin
    ExtractorOptions extractorOptions;

    @Override
    public Integer call() {
        if ((records == null) == (eval == null)) {
            throw new ParameterException(spec.commandLine(), "give either --records FILE --out FILE or --eval GOLD");
        }
        if (records != null && out == null) {
            throw new ParameterException(spec.commandLine(), "--records needs --out FILE");
        }
        if (records != null && json != null || eval != null && out != null) {
            throw new ParameterException(spec.commandLine(), "--json goes with --eval, --out with --records");
        }
        AttributeExtractor extractor = extractorOptions.create();
        PrintWriter console = spec.commandLine().getOut();
        if (eval != null) {
            evaluate(extractor, console);
        } else {
            extract(extractor, console);
        }
        extractorOptions.summary().ifPresent(console::println);
        console.flush();
        return 0;
    }

    private void extract(AttributeExtractor extractor, PrintWriter console) {
        // Read once as UTF-8 line by line first: an invalid byte is then named by its own line.
        List<String> recordLines = nonBlankLineNumbers(Utf8Lines.read(records));
        List<ExamRecord> exams = RecordsFile.read(records);
        Problems problems = new Problems(onBadInput);
        List<ExamAttributes> extracted = new ArrayList<>();
        int withPolyps = 0;
        int polyps = 0;
        int unquantified = 0;
        for (int i = 0; i < exams.size(); i++) {
            ExamRecord exam = exams.get(i);
            if (exam.report() == null || exam.report().isBlank()) {
                problems.report(records + ":" + recordLines.get(i), "exam '" + exam.examId() + "' has "
                        + (exam.report() == null ? "no report" : "an empty report") + "; add its report text or drop the exam");
                continue;
            }
            ReportAttributes attributes = extractor.extract(exam.report());
            extracted.add(new ExamAttributes(exam.examId(), exam.patientId(), attributes));
            withPolyps += attributes.polyps().isEmpty() ? 0 : 1;
            if (attributes.polypCount() == null) {
                unquantified++;
            } else {
                polyps += attributes.polypCount();
            }
        }
        AttributesFile.write(out, extracted);
        console.printf("extracted attributes of %d exams (%s): %d with polyps, %d polyps counted, %d with an "
                + "unquantified group%n", extracted.size(), extractorOptions.kind.name().toLowerCase(Locale.ROOT),
                withPolyps, polyps, unquantified);
        console.println(problems.summary());
        console.println("wrote " + out);
    }

    private void evaluate(AttributeExtractor extractor, PrintWriter console) {
        AttributeEvaluation evaluation = new AttributeEvaluation();
        for (LabelledReport report : LabelledReports.read(eval)) {
            evaluation.add(report.id(), report.gold(), extractor.extract(report.report()));
        }
        console.println(evaluation.table());
        Map<String, Set<String>> errors = evaluation.errors();
        console.println(errors.size() + " of " + evaluation.reports() + " reports with a false positive or negative"
                + (errors.isEmpty() ? "" : ":"));
        errors.entrySet().stream().limit(ERRORS_SHOWN)
                .forEach(e -> console.println("  " + e.getKey() + ": " + String.join(", ", e.getValue())));
        if (errors.size() > ERRORS_SHOWN) {
            console.println("  ... " + (errors.size() - ERRORS_SHOWN) + " more (see --json)");
        }
        if (json != null) {
            evaluation.writeJson(json);
            console.println("wrote " + json);
        }
    }

    // The line of each record, so a bad exam is named by file and line like every other bad input.
    private static List<String> nonBlankLineNumbers(List<String> lines) {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                numbers.add(String.valueOf(i + 1));
            }
        }
        return numbers;
    }
}
