package org.endolens.report;

import org.endolens.testing.SharedPaths;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule extractor on the 40 labelled reports of the shared dev set: F1 ≥ 0.95 per field, count accuracy ≥ 0.95. */
class DevSetAcceptanceTest {
    private static final double REQUIRED = 0.95;

    @Test
    void ruleExtractorMeetsTheAcceptanceBarOnTheDevSet() {
        Path dev = SharedPaths.data().resolve("reports/dev.jsonl");
        Assumptions.assumeTrue(Files.isRegularFile(dev), "reports dev set not found at " + dev + "; skipping");
        AttributeExtractor extractor = new RuleAttributeExtractor();
        AttributeEvaluation evaluation = new AttributeEvaluation();
        for (LabelledReport report : LabelledReports.read(dev)) {
            evaluation.add(report.id(), report.gold(), extractor.extract(report.report()));
        }
        System.out.println(evaluation.table());
        System.out.println("reports with errors: " + evaluation.errors());
        for (FieldScore score : evaluation.scores()) {
            assertTrue(score.f1() >= REQUIRED, score.field() + " F1 " + score.f1() + " < " + REQUIRED + "\n" + evaluation.table());
        }
        assertTrue(evaluation.polypCountAccuracy() >= REQUIRED, evaluation.table());
    }
}
