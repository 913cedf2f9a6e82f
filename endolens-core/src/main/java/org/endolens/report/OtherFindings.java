package org.endolens.report;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the non-polyp findings that are present and not negated, from every sentence about this exam (findings,
 * impression, pathology; never indication, history or plan). Biopsies "for" a condition and "rule out" do not
 * assert it, external hemorrhoids alone are not internal ones, and colitis excluded by biopsy ("no microscopic
 * colitis") is dropped unless the pathology also confirms colitis.
 */
final class OtherFindings {
    private static final Map<OtherFinding, Pattern> TERMS = new LinkedHashMap<>();
    private static final Pattern PURPOSE = Pattern.compile("(?:\\bbiops\\w*[^.;]{0,40}\\bfor|\\brule out|\\br/o"
            + "|\\bto exclude|\\bevaluat\\w* for|\\bevaluation of|\\bassess\\w* for|\\bscreen\\w* for|\\?)"
            + "\\s*(?:[\\w'-]+\\s+){0,3}$");
    private static final Pattern EXTERNAL = Pattern.compile("\\bexternal\\s+$");

    static {
        TERMS.put(OtherFinding.DIVERTICULOSIS, Pattern.compile("diverticul\\w*"));
        TERMS.put(OtherFinding.INTERNAL_HEMORRHOIDS, Pattern.compile("\\bha?emorrhoid\\w*"));
        TERMS.put(OtherFinding.COLITIS, Pattern.compile("\\b\\w*colitis\\b"));
        TERMS.put(OtherFinding.LIPOMA, Pattern.compile("\\blipomas?\\b"));
        TERMS.put(OtherFinding.ANGIOECTASIA, Pattern.compile(
                "\\bangioe?ctasias?\\b|\\bangiodysplasias?\\b|\\bavms?\\b|\\barteriovenous malformations?\\b"
                + "|\\bvascular ectasias?\\b"));
        TERMS.put(OtherFinding.MELANOSIS_COLI, Pattern.compile("melanosis\\b"));
        TERMS.put(OtherFinding.STRICTURE, Pattern.compile("\\bstrictures?\\b"));
        TERMS.put(OtherFinding.MASS, Pattern.compile("\\bmass(?:es)?\\b(?!\\s+(?:effect|index))"));
    }

    private OtherFindings() {}

    static Set<String> read(List<ReportSentence> sentences) {
        Set<OtherFinding> present = EnumSet.noneOf(OtherFinding.class);
        boolean colitisConfirmed = false;
        boolean colitisExcluded = false;
        for (ReportSentence sentence : sentences) {
            if (!sentence.section().describesThisExam()) {
                continue;
            }
            String lower = ReportText.lower(sentence.text());
            for (Map.Entry<OtherFinding, Pattern> term : TERMS.entrySet()) {
                Matcher m = term.getValue().matcher(lower);
                while (m.find()) {
                    boolean asserted = asserted(term.getKey(), lower, m.start(), m.end());
                    if (asserted) {
                        present.add(term.getKey());
                    }
                    if (term.getKey() == OtherFinding.COLITIS && sentence.section() == Section.PATHOLOGY) {
                        colitisConfirmed |= asserted;
                        colitisExcluded |= !asserted;
                    }
                }
            }
        }
        if (colitisExcluded && !colitisConfirmed) {
            present.remove(OtherFinding.COLITIS);
        }
        Set<String> labels = new LinkedHashSet<>();
        present.forEach(f -> labels.add(f.label()));
        return labels;
    }

    private static boolean asserted(OtherFinding finding, String lower, int start, int end) {
        String before = lower.substring(Math.max(0, start - 80), start);
        if (Negation.negated(lower, start, end) || PURPOSE.matcher(before).find()) {
            return false;
        }
        return finding != OtherFinding.INTERNAL_HEMORRHOIDS || !EXTERNAL.matcher(before).find()
                || lower.contains("internal");
    }
}
