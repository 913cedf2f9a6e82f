package org.endolens.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Text targets for multi-positive contrastive learning, derived deterministically from the attributes. */
class AttributePromptsTest {
    @Test
    void describesEachPolypWholeAndByAttribute() {
        ReportAttributes attributes = ReportAttributes.of(List.of(
                new PolypFinding(6.0, "sigmoid colon", "0-Is", "tubular adenoma", 1),
                new PolypFinding(3.0, "rectum", "0-Ip", null, 2)), 8, true, Set.of("diverticulosis"));
        assertEquals(List.of(
                "a 6 mm sessile polyp in the sigmoid colon", "a sessile polyp", "a polyp in the sigmoid colon",
                "a 6 mm polyp", "tubular adenoma",
                "two 3 mm pedunculated polyps in the rectum", "two pedunculated polyps", "two polyps in the rectum",
                "two 3 mm polyps",
                "multiple polyps", "diverticulosis", "adequate bowel preparation"),
                AttributePrompts.sentences(attributes));
    }

    @Test
    void saysNoPolypsForANormalExam() {
        assertEquals(List.of("no polyps", "internal hemorrhoids", "inadequate bowel preparation"), AttributePrompts.sentences(
                ReportAttributes.of(List.of(), 4, false, Set.of("internal hemorrhoids"))));
    }

    @Test
    void describesUnquantifiedGroupsAndMissingAttributes() {
        ReportAttributes attributes = ReportAttributes.of(List.of(new PolypFinding(null, "rectum", null, null, null),
                new PolypFinding(2.5, null, "0-IIa", null, 1)), null, null, Set.of());
        assertEquals(List.of("multiple polyps in the rectum", "a 2.5 mm flat elevated polyp", "a flat elevated polyp",
                "a 2.5 mm polyp", "multiple polyps"), AttributePrompts.sentences(attributes));
    }

    @Test
    void isDeterministic() {
        ReportAttributes attributes = new RuleAttributeExtractor().extract("Two 4 mm polyps in the cecum. A 9 mm "
                + "pedunculated polyp in the sigmoid colon. Diverticulosis. Pathology: cecum - HP; sigmoid - TVA.");
        assertEquals(AttributePrompts.sentences(attributes), AttributePrompts.sentences(attributes));
    }
}
