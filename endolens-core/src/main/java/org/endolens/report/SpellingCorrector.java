package org.endolens.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Corrects misspelled anatomy, shape, finding and histology words ("sigmiod", "transverce colln", "hemorrhoides")
 * to the spelling the extraction rules look for. Only words of five letters or more are touched, within an
 * optimal-string-alignment distance of 1 (up to seven letters) or 2 (longer words), and only when one vocabulary word
 * is the unique closest; real words that sit near the vocabulary ("color", "separated") are left alone.
 */
final class SpellingCorrector {
    private static final List<String> VOCABULARY = List.of(
            "terminal", "ileum", "cecum", "caecum", "cecal", "ileocecal", "appendiceal", "orifice", "ascending",
            "hepatic", "flexure", "transverse", "splenic", "descending", "sigmoid", "rectum", "colon",
            "polyp", "polyps", "pseudopolyp", "pseudopolyps", "lesion", "lesions",
            "sessile", "pedunculated", "semipedunculated", "subpedunculated", "elevated", "depressed", "excavated",
            "hemorrhoid", "hemorrhoids", "hemorrhoidal", "diverticulosis", "diverticula", "diverticulum",
            "diverticular", "colitis", "lipoma", "lipomas", "angioectasia", "angioectasias", "angiodysplasia",
            "melanosis", "stricture", "strictures",
            "tubular", "tubulovillous", "villous", "adenoma", "adenomas", "serrated", "traditional", "hyperplastic",
            "adenocarcinoma", "inflammatory", "pathology", "histology");
    private static final Set<String> KNOWN_WORDS = Set.of("color", "colony", "traverse", "rectus", "ilium",
            "germinal", "separated", "elevate", "depress", "excavate");
    private static final Map<String, String> SPELLING_VARIANTS = Map.of("caecum", "cecum");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{5,}");

    private SpellingCorrector() {}

    static String correct(String text) {
        Matcher words = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (words.find()) {
            words.appendReplacement(out, Matcher.quoteReplacement(correctWord(words.group())));
        }
        words.appendTail(out);
        return out.toString();
    }

    static String correctWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (VOCABULARY.contains(lower) || KNOWN_WORDS.contains(lower)) {
            return word;
        }
        int limit = lower.length() <= 7 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String candidate : VOCABULARY) {
            if (Math.abs(candidate.length() - lower.length()) > limit) {
                continue;
            }
            int distance = distance(lower, candidate);
            String canonical = SPELLING_VARIANTS.getOrDefault(candidate, candidate);
            if (distance < bestDistance) {
                best = canonical;
                bestDistance = distance;
                tie = false;
            } else if (distance == bestDistance && !canonical.equals(best)) {
                tie = true;
            }
        }
        return best != null && bestDistance <= limit && !tie ? best : word;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
