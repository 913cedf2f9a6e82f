package org.endolens.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how many polyps a noun phrase stands for: digits and written numbers ("2 polyps", "two", "a pair of"),
 * "a"/"single" for one, and the unquantified "multiple", "several", "numerous" (no number: null).
 */
final class CountWords {
    private static final List<String> NUMBERS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty");
    private static final Pattern UNQUANTIFIED = Pattern.compile(
            "\\b(?:multiple|several|numerous|many|few|innumerable|countless|scattered|some|various|too numerous)\\b");
    private static final Pattern NUMBER = Pattern.compile("\\b(" + String.join("|", NUMBERS.subList(1, NUMBERS.size()))
            + "|(?<!#)\\d{1,2}(?![\\d.]|\\s*(?:mm|cm|-|x\\s*\\d|/|%|millimet|centimet)))\\b|\\b(pair of|couple of)\\b");
    private static final Pattern ONE = Pattern.compile("\\b(?:a|an|single|solitary|one)\\b");
    private static final Pattern AFTER_HEAD = Pattern.compile("^\\s*\\(?\\s*(?:x\\s*(\\d{1,2})|(\\d{1,2})\\s*\\))");

    /** What a phrase says about its count. */
    enum Kind { NUMBER, UNQUANTIFIED, NONE }

    /** The count read from a phrase: {@code value} is set when {@code kind} is NUMBER. */
    record Count(Kind kind, Integer value) {}

    private CountWords() {}

    /**
     * The count of a polyp noun phrase.
     *
     * @param phrase the lower-cased words before the head noun ("two 3 mm sessile ")
     * @param afterHead the lower-cased text after it, for "polyps x3" and "polyps (2)"
     */
    static Count of(String phrase, String afterHead) {
        Matcher after = AFTER_HEAD.matcher(afterHead);
        if (after.find()) {
            return new Count(Kind.NUMBER, Integer.parseInt(after.group(1) != null ? after.group(1) : after.group(2)));
        }
        if (UNQUANTIFIED.matcher(phrase).find()) {
            return new Count(Kind.UNQUANTIFIED, null);
        }
        Matcher number = NUMBER.matcher(phrase);
        if (number.find()) {
            if (number.group(2) != null) {
                return new Count(Kind.NUMBER, 2);
            }
            String word = number.group(1);
            int index = NUMBERS.indexOf(word);
            return new Count(Kind.NUMBER, index >= 0 ? index : Integer.parseInt(word));
        }
        if (ONE.matcher(phrase).find()) {
            return new Count(Kind.NUMBER, 1);
        }
        return new Count(Kind.NONE, null);
    }
}
