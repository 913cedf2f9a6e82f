package org.endolens.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Paris class of a polyp from its description. Codes win over words because reports write both
 * ("slightly depressed (0-IIc)"); codes count with or without "Paris" and "0-" ("Paris 0-Is", "0-Is", "Is"), and a
 * bare lower-case "is" only where it cannot be the verb (after "Paris" or "0-", or alone in brackets).
 */
final class MorphologyMentions {
    private static final String CODES = "(isp|ip|is|iia|iib|iic|iii)";
    private static final Pattern PREFIXED = Pattern.compile(
            "(?i)(?:\\bparis\\s*(?:class(?:ification)?\\s*)?(?:0\\s*-?\\s*)?|(?<![\\w.])0\\s*-\\s*)" + CODES + "\\b");
    private static final Pattern BRACKETED = Pattern.compile("(?i)\\(\\s*" + CODES + "\\s*\\)");
    private static final Pattern BARE = Pattern.compile("\\b(Isp|Ip|Is|IIa|IIb|IIc|III|isp|iia|iib|iic)\\b");
    private static final Map<String, ParisClass> BY_CODE = Map.of("ip", ParisClass.PEDUNCULATED,
            "isp", ParisClass.SEMI_PEDUNCULATED, "is", ParisClass.SESSILE, "iia", ParisClass.FLAT_ELEVATED,
            "iib", ParisClass.FLAT, "iic", ParisClass.DEPRESSED, "iii", ParisClass.EXCAVATED);
    private static final List<Map.Entry<Pattern, ParisClass>> WORDS = List.of(
            Map.entry(Pattern.compile("\\b(?:semi|sub)[- ]?pedunculated\\b"), ParisClass.SEMI_PEDUNCULATED),
            Map.entry(Pattern.compile("\\bpedunculated\\b"), ParisClass.PEDUNCULATED),
            Map.entry(Pattern.compile("\\bsessile\\b(?![- ]serrated)"), ParisClass.SESSILE),
            Map.entry(Pattern.compile("\\b(?:flat[- ]elevated|slightly (?:elevated|raised)|elevated)\\b"),
                    ParisClass.FLAT_ELEVATED),
            Map.entry(Pattern.compile("\\b(?:slightly )?depressed\\b"), ParisClass.DEPRESSED),
            Map.entry(Pattern.compile("\\bflat\\b"), ParisClass.FLAT),
            Map.entry(Pattern.compile("\\bexcavated\\b"), ParisClass.EXCAVATED));

    private MorphologyMentions() {}

    /** The Paris class described in {@code text} (original case), or null when no shape is given. */
    static ParisClass find(String text) {
        for (Pattern codes : List.of(PREFIXED, BRACKETED, BARE)) {
            Matcher m = codes.matcher(text);
            if (m.find()) {
                return BY_CODE.get(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<TextSpan<ParisClass>> words = new ArrayList<>();
        for (Map.Entry<Pattern, ParisClass> word : WORDS) {
            Matcher m = word.getKey().matcher(lower);
            if (m.find()) {
                words.add(new TextSpan<>(word.getValue(), m.start(), m.end()));
            }
        }
        // The earliest wording wins; at the same start the longer one ("flat elevated" over "flat").
        return words.stream()
                .min(Comparator.<TextSpan<ParisClass>>comparingInt(TextSpan::start).thenComparingInt(s -> s.start() - s.end()))
                .map(TextSpan::value)
                .orElse(null);
    }
}
