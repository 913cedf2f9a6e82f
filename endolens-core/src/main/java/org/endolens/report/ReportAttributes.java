package org.endolens.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The clinical attributes of one colonoscopy report, in the schema of {@code shared/data/reports/README.md}.
 * Construction enforces the vocabularies, the BBPS range and the invariant that {@code polyp_count} is the sum of
 * the entries' counts, or null when any count is null.
 *
 * @param polypCount polyps found on this exam; null when a group is unquantified
 * @param polyps the polyp entries, in report order
 * @param bbpsTotal Boston Bowel Preparation Scale total 0-9, null when not (fully) scored
 * @param cecumReached whether the cecum was reached, null when the report does not say
 * @param otherFindings {@link OtherFinding} labels, iterated in vocabulary order
 */
public record ReportAttributes(
        Integer polypCount,
        List<PolypFinding> polyps,
        Integer bbpsTotal,
        Boolean cecumReached,
        Set<String> otherFindings) {

    public ReportAttributes {
        polyps = polyps == null ? List.of() : List.copyOf(polyps);
        otherFindings = otherFindings == null ? Set.of() : inVocabularyOrder(otherFindings);
        if (bbpsTotal != null && (bbpsTotal < 0 || bbpsTotal > 9)) {
            throw new IllegalArgumentException("bbps_total: expected 0-9 or null, got " + bbpsTotal);
        }
        Integer expected = countOf(polyps);
        if (!Objects.equals(polypCount, expected)) {
            throw new IllegalArgumentException("polyp_count: " + polypCount + " does not match the polyp entries (expected "
                    + expected + ": the sum of their counts, or null when any count is null)");
        }
    }

    /** Attributes whose {@code polyp_count} is derived from the entries. */
    public static ReportAttributes of(List<PolypFinding> polyps, Integer bbpsTotal, Boolean cecumReached,
            Set<String> otherFindings) {
        return new ReportAttributes(countOf(polyps == null ? List.of() : polyps), polyps, bbpsTotal, cecumReached,
                otherFindings);
    }

    /** The sum of the entries' counts, or null when any entry is unquantified. */
    public static Integer countOf(List<PolypFinding> polyps) {
        int sum = 0;
        for (PolypFinding polyp : polyps) {
            if (polyp.count() == null) {
                return null;
            }
            sum += polyp.count();
        }
        return sum;
    }

    /** This record in the gold JSON layout of the reports data set (snake_case, nulls written, whole sizes as integers). */
    public ObjectNode toJson() {
        return AttributesJson.write(this);
    }

    /** Reads the gold JSON layout strictly: unknown or missing fields, wrong types and unknown vocabulary are errors. */
    public static ReportAttributes fromJson(JsonNode json) {
        return AttributesJson.read(json);
    }

    private static Set<String> inVocabularyOrder(Set<String> labels) {
        Set<String> ordered = labels.stream()
                .map(OtherFinding::of)
                .sorted(Comparator.naturalOrder())
                .map(OtherFinding::label)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return Collections.unmodifiableSet(ordered);
    }
}
