package org.endolens.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds colon segments in lower-cased text: full names, the abbreviations of the reports README (AC, HF, TC, SF, DC,
 * sig, TI, asc/desc colon), adjectives ("cecal", "rectal") and the cecal landmarks (ileocecal valve, ICV, IC valve,
 * appendiceal orifice, cecal base). Qualifiers such as "proximal" or "mid" need no rule: the segment word follows.
 */
final class SegmentMentions {
    private static final Map<Segment, Pattern> PATTERNS = new LinkedHashMap<>();

    static {
        PATTERNS.put(Segment.TERMINAL_ILEUM, Pattern.compile("\\b(?:neo-?)?terminal ileum\\b|\\bti\\b|\\bileum\\b"));
        PATTERNS.put(Segment.CECUM, Pattern.compile("\\bileo-?cec(?:al|um)(?: valve)?\\b|\\bic valve\\b|\\bicv\\b"
                + "|\\bappendiceal orifice\\b|\\bappendix\\b|\\bca?ec(?:um|al)(?: base)?\\b"));
        PATTERNS.put(Segment.ASCENDING_COLON, Pattern.compile("\\bascending(?: colon)?\\b|\\basc\\b\\.?(?: colon)?|\\bac\\b"));
        PATTERNS.put(Segment.HEPATIC_FLEXURE, Pattern.compile("\\bhepatic(?: flexure)?\\b|\\bhf\\b"));
        PATTERNS.put(Segment.TRANSVERSE_COLON, Pattern.compile("\\btransverse(?: colon)?\\b|\\btc\\b"));
        PATTERNS.put(Segment.SPLENIC_FLEXURE, Pattern.compile("\\bsplenic(?: flexure)?\\b|\\bsf\\b"));
        PATTERNS.put(Segment.DESCENDING_COLON, Pattern.compile("\\bdescending(?: colon)?\\b|\\bdesc\\b\\.?(?: colon)?|\\bdc\\b"));
        PATTERNS.put(Segment.SIGMOID_COLON, Pattern.compile("\\bsigmoid(?: colon)?\\b|\\bsig\\b\\.?(?: colon)?"));
        PATTERNS.put(Segment.RECTUM, Pattern.compile("\\brect(?:um|al)\\b"));
    }

    private SegmentMentions() {}

    /** Every segment mention in {@code lower}, in text order. */
    static List<TextSpan<Segment>> find(String lower) {
        List<TextSpan<Segment>> found = new ArrayList<>();
        PATTERNS.forEach((segment, pattern) -> {
            Matcher m = pattern.matcher(lower);
            while (m.find()) {
                found.add(new TextSpan<>(segment, m.start(), m.end()));
            }
        });
        found.sort(Comparator.comparingInt(TextSpan::start));
        return found;
    }
}
