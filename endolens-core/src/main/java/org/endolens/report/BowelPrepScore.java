package org.endolens.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Boston Bowel Preparation Scale total: the sum of three segment scores ("BBPS 2-3-3 (8)", "Boston score
 * 6 (2/2/2)", "R1 T2 L2"), else a stated total ("Boston score 6", "BBPS total 7"). A partial or unscored scale
 * ("BBPS 2-2-x", "BBPS not scored", a segment not scored) and a preparation described only in words give null.
 */
final class BowelPrepScore {
    private static final Pattern ANCHOR = Pattern.compile("\\bbbps\\b|\\bboston\\b(?:\\s+bowel)?(?:\\s+prep(?:aration)?)?"
            + "(?:\\s+(?:scale|score))*");
    private static final String SEGMENT = "([0-3]|x|n/?a|ns|\\?|-)";
    private static final Pattern TRIPLE = Pattern.compile("(?<![\\d.])" + SEGMENT + "\\s*[-/,+]\\s*" + SEGMENT
            + "\\s*[-/,+]\\s*" + SEGMENT + "(?!\\d|\\.\\d)");
    private static final Pattern RIGHT_TRANSVERSE_LEFT = Pattern.compile("\\br(?:ight)?(?:\\s+colon)?\\s*[:=]?\\s*"
            + SEGMENT + "[,;/\\s]+t(?:ransverse)?(?:\\s+colon)?\\s*[:=]?\\s*" + SEGMENT
            + "[,;/\\s]+l(?:eft)?(?:\\s+colon)?\\s*[:=]?\\s*" + SEGMENT + "(?!\\d|\\.\\d)");
    private static final Pattern UNSCORED = Pattern.compile("\\b(?:not|unable|incomplete|partial|unscored|n/a)\\b");
    // A total stands alone or out of 9 ("6", "6/9"); "2-2-x" is a partial scale, not a total of 2.
    private static final Pattern TOTAL = Pattern.compile("^\\W*(?:(?:total|score|scale|of|was|is)\\W+)*(\\d{1,2})"
            + "(?:\\s*/\\s*9\\b)?(?!\\d|\\.\\d|\\s*[-/+]\\s*\\S)");

    private BowelPrepScore() {}

    /** The BBPS total stated in the report's sentences about this exam, or null. */
    static Integer read(List<ReportSentence> sentences) {
        for (ReportSentence sentence : sentences) {
            if (!sentence.section().describesThisExam()) {
                continue;
            }
            String lower = ReportText.lower(sentence.text());
            Matcher anchor = ANCHOR.matcher(lower);
            if (anchor.find()) {
                return score(lower.substring(anchor.end()));
            }
            Matcher segments = RIGHT_TRANSVERSE_LEFT.matcher(lower);
            if (segments.find()) {
                return sum(segments);
            }
        }
        return null;
    }

    /** The total from the words after "BBPS" or "Boston score". */
    static Integer score(String after) {
        Matcher unscored = UNSCORED.matcher(after);
        Matcher firstDigit = Pattern.compile("\\d").matcher(after);
        if (unscored.find() && (!firstDigit.find() || unscored.start() < firstDigit.start())) {
            return null;
        }
        for (Pattern segments : List.of(RIGHT_TRANSVERSE_LEFT, TRIPLE)) {
            Matcher m = segments.matcher(after);
            if (m.find()) {
                return sum(m);
            }
        }
        Matcher total = TOTAL.matcher(after);
        if (total.find()) {
            int value = Integer.parseInt(total.group(1));
            return value <= 9 ? value : null;
        }
        return null;
    }

    private static Integer sum(Matcher segments) {
        int total = 0;
        for (int g = 1; g <= 3; g++) {
            String score = segments.group(g);
            if (!Character.isDigit(score.charAt(0))) {
                return null;
            }
            total += Integer.parseInt(score);
        }
        return total;
    }
}
