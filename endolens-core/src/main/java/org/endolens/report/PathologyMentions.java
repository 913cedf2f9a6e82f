package org.endolens.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds histologic diagnoses in lower-cased pathology text, by name or by the README's abbreviations (TA, TVA,
 * SSL/SSA/SSP/SSA/P, TSA, HP/HPP; pseudopolyp → inflammatory polyp). Dysplasia grades are ignored; negated
 * diagnoses ("no residual adenoma", "negative for TA") are skipped.
 */
final class PathologyMentions {
    private static final Map<Pathology, Pattern> PATTERNS = new LinkedHashMap<>();
    private static final Pattern NEGATED = Pattern.compile("\\b(?:no|not|without|negative for|free of|rule out|r/o)"
            + "\\s+(?:[^\\s,;.]+\\s+){0,2}$");

    static {
        PATTERNS.put(Pathology.ADENOCARCINOMA, Pattern.compile(
                "\\badenocarcinomas?\\b|\\b(?:invasive |intramucosal )?carcinomas?\\b(?! in situ)"));
        PATTERNS.put(Pathology.TUBULOVILLOUS_ADENOMA, Pattern.compile(
                "\\btubulo-?\\s?villous(?: adenomas?)?\\b|\\btvas?\\b"));
        PATTERNS.put(Pathology.VILLOUS_ADENOMA, Pattern.compile("(?<!tubulo-)(?<!tubulo- )\\bvillous adenomas?\\b"));
        PATTERNS.put(Pathology.SESSILE_SERRATED_LESION, Pattern.compile(
                "\\bsessile serrated (?:lesions?|adenomas?(?:\\s*/\\s*polyps?)?|polyps?)\\b|\\bssa\\s*/\\s*p\\b|\\bss[alp]s?\\b"));
        PATTERNS.put(Pathology.TRADITIONAL_SERRATED_ADENOMA, Pattern.compile(
                "\\btraditional serrated adenomas?\\b|\\btsas?\\b"));
        PATTERNS.put(Pathology.TUBULAR_ADENOMA, Pattern.compile("\\btubular adenomas?\\b|\\btas?\\b"));
        PATTERNS.put(Pathology.HYPERPLASTIC_POLYP, Pattern.compile("\\bhyperplastic(?: polyps?)?\\b|\\bhpp?s?\\b"));
        PATTERNS.put(Pathology.INFLAMMATORY_POLYP, Pattern.compile(
                "\\binflammatory (?:pseudo)?polyps?\\b|\\bpseudo-?polyps?\\b"));
    }

    private PathologyMentions() {}

    /** The diagnoses in {@code lower}, in text order, without overlaps (the longer match wins). */
    static List<TextSpan<Pathology>> find(String lower) {
        List<TextSpan<Pathology>> all = new ArrayList<>();
        PATTERNS.forEach((pathology, pattern) -> {
            Matcher m = pattern.matcher(lower);
            while (m.find()) {
                if (!NEGATED.matcher(lower.substring(Math.max(0, m.start() - 40), m.start())).find()) {
                    all.add(new TextSpan<>(pathology, m.start(), m.end()));
                }
            }
        });
        all.sort(Comparator.<TextSpan<Pathology>>comparingInt(TextSpan::start).thenComparingInt(s -> s.start() - s.end()));
        List<TextSpan<Pathology>> kept = new ArrayList<>();
        for (TextSpan<Pathology> span : all) {
            if (kept.isEmpty() || span.start() >= kept.get(kept.size() - 1).end()) {
                kept.add(span);
            }
        }
        return kept;
    }
}
