package org.endolens.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a term in a lower-cased sentence is negated, in the manner of NegEx: a cue before it in the same
 * clause ("no polyps", "without polyps, masses, or diverticula") within a short window that a new positive phrase
 * interrupts ("no polyps, small internal hemorrhoids"), or a cue after it ("Diverticulosis: none", "polyps were not
 * seen", "polyp-free").
 */
final class Negation {
    private static final Pattern CUE = Pattern.compile(
            "\\b(?:no|not|without|none|nor|nil|negative for|neg for|free of|absence of|never)\\b");
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "[.;:]|\\b(?:but|however|although|except|apart from|aside from|while|whereas)\\b");
    private static final Pattern NEW_ENTITY = Pattern.compile(
            "\\d\\s*(?:mm|cm)\\b|\\b(?:a|an|one|two|three|four|five)\\b");
    private static final Pattern MODIFIER = Pattern.compile("\\b(?:mild|moderate|severe|small|large|few|scattered|grade"
            + "|extensive|prominent|multiple|several|numerous)\\b");
    private static final Pattern AFTER = Pattern.compile(
            "^(?:-free\\b|\\s*[:\\-]\\s*(?:none|no|absent|negative|not seen)\\b"
            + "|\\s+(?:(?:was|were|are|is)\\s+)?(?:not|none)\\s+(?:seen|found|identified|visualized|present|noted)\\b"
            + "|\\s+(?:absent|none seen)\\b)");
    private static final int WINDOW_WORDS = 6;

    private Negation() {}

    /** Whether the term at {@code [start, end)} of {@code lower} is negated. */
    static boolean negated(String lower, int start, int end) {
        return negatedBefore(lower, start) || AFTER.matcher(lower.substring(end)).find();
    }

    static boolean negatedBefore(String lower, int start) {
        String before = lower.substring(0, start);
        Matcher breaks = CLAUSE_BREAK.matcher(before);
        int clauseStart = 0;
        while (breaks.find()) {
            clauseStart = breaks.end();
        }
        String clause = before.substring(clauseStart);
        Matcher cue = CUE.matcher(clause);
        int cueEnd = -1;
        while (cue.find()) {
            cueEnd = cue.end();
        }
        if (cueEnd < 0) {
            return false;
        }
        String scope = clause.substring(cueEnd);
        if (scope.isBlank()) {
            return true;
        }
        if (scope.trim().split("\\s+").length > WINDOW_WORDS) {
            return false;
        }
        // A list after the cue stays negated ("no polyps, masses, or diverticula") until an item reads as asserted.
        String[] items = scope.split(",", -1);
        if (NEW_ENTITY.matcher(items[0]).find()) {
            return false;
        }
        for (int i = 1; i < items.length; i++) {
            String item = items[i].trim();
            boolean continuesList = item.isEmpty() || item.matches("(?:or|nor|no|and)\\b.*");
            if (!continuesList && (item.split("\\s+").length > 2 || MODIFIER.matcher(item).find()
                    || NEW_ENTITY.matcher(item).find())) {
                return false;
            }
        }
        return true;
    }
}
