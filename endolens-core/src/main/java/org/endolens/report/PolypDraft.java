package org.endolens.report;

/**
 * A polyp entry while the rule extractor is still reading the report: found in the findings, completed later by
 * the pathology section, which refers to it by its list label, its position or its segment.
 */
final class PolypDraft {
    final Double sizeMm;
    final Segment location;
    final ParisClass morphology;
    final Integer count;
    /** 1-based position of the finding that described it; entries split from one phrase share it. */
    int ordinal;
    /** The finding's own list label ("3" for "Polyp #3:" or "3."), or null. */
    final String label;
    /** The report says the polyp was not retrieved, so no histology can belong to it. */
    final boolean notRetrieved;
    Pathology pathology;

    PolypDraft(Double sizeMm, Segment location, ParisClass morphology, Integer count, String label,
            boolean notRetrieved) {
        this.sizeMm = sizeMm;
        this.location = location;
        this.morphology = morphology;
        this.count = count;
        this.label = label;
        this.notRetrieved = notRetrieved;
    }

    PolypFinding toFinding() {
        return new PolypFinding(sizeMm, location == null ? null : location.label(),
                morphology == null ? null : morphology.label(), pathology == null ? null : pathology.label(), count);
    }
}
