package org.endolens.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How predictions are counted against gold: the rules written in {@link AttributeEvaluation}'s javadoc. */
class AttributeEvaluationTest {
    private static PolypFinding polyp(Double size, String location, String morphology, String pathology, Integer count) {
        return new PolypFinding(size, location, morphology, pathology, count);
    }

    private static ReportAttributes report(Integer bbps, Boolean cecum, Set<String> other, PolypFinding... polyps) {
        return ReportAttributes.of(List.of(polyps), bbps, cecum, other);
    }

    private static void assertCounts(FieldScore score, int tp, int fp, int fn) {
        assertEquals(List.of(tp, fp, fn), List.of(score.truePositives(), score.falsePositives(), score.falseNegatives()),
                score.field());
    }

    @Test
    void countsAWrongValueAsBothFalsePositiveAndFalseNegative() {
        AttributeEvaluation evaluation = new AttributeEvaluation();
        evaluation.add("a", report(8, true, Set.of()), report(7, true, Set.of()));
        evaluation.add("b", report(null, null, Set.of()), report(6, null, Set.of()));
        evaluation.add("c", report(5, false, Set.of()), report(null, false, Set.of()));
        assertCounts(evaluation.score("bbps_total"), 0, 2, 2);
        assertCounts(evaluation.score("cecum_reached"), 2, 0, 0);
        FieldScore bbps = evaluation.score("bbps_total");
        assertEquals(0.0, bbps.precision());
        assertEquals(0.0, bbps.f1());
    }

    @Test
    void scoresOtherFindingsAsASet() {
        AttributeEvaluation evaluation = new AttributeEvaluation();
        evaluation.add("a", report(null, null, Set.of("diverticulosis", "lipoma")),
                report(null, null, Set.of("diverticulosis", "mass")));
        assertCounts(evaluation.score("other_findings"), 1, 1, 1);
        assertEquals(0.5, evaluation.score("other_findings").f1(), 1e-12);
    }

    @Test
    void matchesPolypsAfterExpandingCounts() {
        AttributeEvaluation evaluation = new AttributeEvaluation();
        ReportAttributes gold = report(null, null, Set.of(), polyp(3.0, "rectum", "0-Is", "hyperplastic polyp", 2),
                polyp(10.0, "sigmoid colon", "0-Ip", null, 1));
        ReportAttributes predicted = report(null, null, Set.of(), polyp(3.0, "rectum", "0-Is", "hyperplastic polyp", 1),
                polyp(3.0, "rectum", "0-Is", "hyperplastic polyp", 1), polyp(10.0, "sigmoid colon", "0-Ip", "tubular adenoma", 1));
        evaluation.add("a", gold, predicted);
        assertCounts(evaluation.score("polyps"), 3, 0, 0);
        assertCounts(evaluation.score("polyps.size_mm"), 3, 0, 0);
        assertCounts(evaluation.score("polyps.count"), 1, 2, 2);
        assertCounts(evaluation.score("polyps.pathology"), 2, 1, 0);
        assertCounts(evaluation.score("polyp_count"), 1, 0, 0);
        assertEquals(1.0, evaluation.polypCountAccuracy());
    }

    @Test
    void countsUnmatchedPolypsForEachStatedAttribute() {
        AttributeEvaluation evaluation = new AttributeEvaluation();
        evaluation.add("a", report(null, null, Set.of(), polyp(6.0, "cecum", null, null, 1)),
                report(null, null, Set.of(), polyp(20.0, "rectum", "0-Is", null, 1)));
        assertCounts(evaluation.score("polyps"), 0, 1, 1);
        assertCounts(evaluation.score("polyps.location"), 0, 1, 1);
        assertCounts(evaluation.score("polyps.morphology"), 0, 1, 0);
        assertEquals(Set.of("polyps", "polyps.count", "polyps.location", "polyps.morphology", "polyps.size_mm"),
                evaluation.errors().get("a"));
    }

    @Test
    void countsNullPolypCountsInTheAccuracy() {
        AttributeEvaluation evaluation = new AttributeEvaluation();
        evaluation.add("a", report(null, null, Set.of(), polyp(null, "rectum", null, null, null)),
                report(null, null, Set.of(), polyp(null, "rectum", null, null, null)));
        evaluation.add("b", report(null, null, Set.of()), report(null, null, Set.of(), polyp(4.0, "cecum", null, null, 1)));
        assertEquals(0.5, evaluation.polypCountAccuracy());
        assertCounts(evaluation.score("polyp_count"), 0, 1, 1);
    }

    @Test
    void scoresPerfectlyWhenNothingIsThereAndNothingIsPredicted() {
        AttributeEvaluation evaluation = new AttributeEvaluation();
        evaluation.add("a", report(null, null, Set.of()), report(null, null, Set.of()));
        for (FieldScore score : evaluation.scores()) {
            assertEquals(1.0, score.f1(), score.field());
        }
        assertEquals(evaluation.scores().size(), AttributeEvaluation.FIELDS.size());
    }
}
