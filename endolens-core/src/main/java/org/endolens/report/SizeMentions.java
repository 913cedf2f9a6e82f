package org.endolens.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds polyp sizes in lower-cased text and converts them to millimetres: "6 mm", "6mm", "1.2 cm" → 12, ranges
 * "4-6 mm" and "3 to 5 mm" → the upper bound, "6 x 4 mm" → the largest dimension, "4 and 5 mm" → two sizes.
 * Lengths that are not polyp sizes are skipped: distances ("at 30 cm", "8 cm from the anal verge", "intubated for
 * 5 cm", "every 10 cm") and stalks ("a 1 cm stalk", "stalk of 1 cm").
 */
final class SizeMentions {
    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    private static final String UNIT = "\\s*-?\\s*(mm|cm|millimet(?:er|re)s?|centimet(?:er|re)s?)\\b";
    private static final Pattern SIZE = Pattern.compile("(?<![\\d.#])" + NUMBER
            + "(?:\\s*(?:mm|cm)?\\s*(-|to|x|and|,)\\s*" + NUMBER + ")?" + UNIT);
    private static final Pattern DISTANCE_BEFORE = Pattern.compile(
            "(?:\\b(?:at|beyond|every|for|past|into|within|advanced|inserted|intubated|under|below|less than|smaller than)"
            + "|<|\\bstalk\\b[^,;]{0,20})\\s*(?:approximately\\s+|about\\s+)?$");
    private static final Pattern DISTANCE_AFTER = Pattern.compile(
            "^\\s*(?:(?:long|thick|wide|broad)\\s+)?(?:stalk|from\\b|above\\b|below\\b|proximal\\b|distal\\b|into\\b"
            + "|of the (?:ti|terminal ileum)\\b|margin|rim)");

    private SizeMentions() {}

    /** Every polyp size in {@code lower}, in text order; a pair "4 and 5 mm" gives two spans. */
    static List<TextSpan<Double>> find(String lower) {
        List<TextSpan<Double>> sizes = new ArrayList<>();
        Matcher m = SIZE.matcher(lower);
        while (m.find()) {
            String before = lower.substring(Math.max(0, m.start() - 40), m.start());
            if (DISTANCE_BEFORE.matcher(before).find() || DISTANCE_AFTER.matcher(lower.substring(m.end())).find()) {
                continue;
            }
            double scale = m.group(4).startsWith("c") ? 10 : 1;
            double first = millimetres(m.group(1), scale);
            String joiner = m.group(2);
            if (joiner == null) {
                sizes.add(new TextSpan<>(first, m.start(), m.end()));
            } else if (joiner.equals("and") || joiner.equals(",")) {
                sizes.add(new TextSpan<>(first, m.start(), m.start(3)));
                sizes.add(new TextSpan<>(millimetres(m.group(3), scale), m.start(3), m.end()));
            } else {
                sizes.add(new TextSpan<>(Math.max(first, millimetres(m.group(3), scale)), m.start(), m.end()));
            }
        }
        return sizes;
    }

    // BigDecimal keeps "1.2 cm" at exactly 12 mm instead of 12.000000000000002.
    private static double millimetres(String number, double scale) {
        return new BigDecimal(number).multiply(BigDecimal.valueOf(scale)).stripTrailingZeros().doubleValue();
    }
}
