package org.endolens.report;

/**
 * Normalises a report before the rules read it: one kind of line break, dash, space and multiplication sign, and
 * misspelled vocabulary words corrected ({@link SpellingCorrector}).
 */
final class ReportText {
    private ReportText() {}

    static String normalize(String report) {
        StringBuilder out = new StringBuilder(report.length());
        for (int i = 0; i < report.length(); i++) {
            char c = report.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < report.length() && report.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c >= '\u2010' && c <= '\u2015' || c == '\u2212') {
                out.append('-');
            } else if (c == '\u00D7') {
                out.append('x');
            } else if (c == '\t' || Character.isSpaceChar(c)) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return SpellingCorrector.correct(out.toString());
    }

    /** Lower case, one char for one char, so offsets found in the lower-cased text hold in the original. */
    static String lower(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }
}
