package org.endolens.report;

import java.util.List;

/**
 * The default attribute extractor: deterministic rules that run offline and follow the labelling rules of the
 * reports README. The report is normalised (spelling, dashes), split into sections and sentences, the polyps are read
 * from the findings and completed from the pathology section, and the report-level fields are read from every
 * sentence about this exam.
 */
public final class RuleAttributeExtractor implements AttributeExtractor {
    @Override
    public ReportAttributes extract(String report) {
        if (report == null || report.isBlank()) {
            throw new IllegalArgumentException("the report is empty");
        }
        List<ReportSentence> sentences = ReportSegmenter.split(ReportText.normalize(report));
        List<PolypDraft> polyps = PolypMentions.find(sentences);
        PathologyLinker.link(sentences, polyps);
        return ReportAttributes.of(polyps.stream().map(PolypDraft::toFinding).toList(),
                BowelPrepScore.read(sentences), CecalIntubation.read(sentences), OtherFindings.read(sentences));
    }
}
