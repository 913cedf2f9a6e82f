package org.endolens.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads whether the cecum was reached. Statements about the cecum itself decide first, negative before positive
 * ("cecum not reached", then "cecum reached", "complete to the cecum", "TI intubated", "appendiceal orifice and ICV
 * photographed"); failing those, an incomplete exam or a scope that could not be advanced means false. Silence is
 * null.
 */
final class CecalIntubation {
    private static final Pattern CECUM_NOT_REACHED = Pattern.compile(
            "\\bcec(?:um|al)\\b(?:(?!\\b(?:reached|and|but|ti|terminal|ileum)\\b)[^.;,]){0,25}\\b(?:not|n't|unable|failed)\\b"
            + "[^.;]{0,20}\\b(?:reach|intubat|visuali[sz])"
            + "|\\b(?:not|unable to|could not|couldn't|failed to)\\s+(?:be\\s+)?(?:reach(?:ed)?|intubated?|advanced?)"
            + "\\s+(?:to\\s+|into\\s+)?(?:the\\s+)?cec(?:um|al)\\b|\\bcecal intubation\\s*:?\\s*(?:no|not|incomplete|failed)\\b"
            + "|\\bcecum(?: reached)?\\s*:\\s*no\\b");
    private static final Pattern CECUM_REACHED = Pattern.compile(
            "\\bcec(?:um|al)\\b\\s*(?:was\\s+|were\\s+)?(?::\\s*)?(?:reached|intubated|intubation\\s*:?\\s*(?:yes|complete|achieved))"
            + "|\\bcecal intubation\\s*(?::|was)?\\s*(?:yes|complete|achieved|successful|confirmed)"
            + "|\\bcecal landmarks?\\b[^.;]{0,30}\\b(?:identified|seen|photo\\w*|documented|visuali[sz]ed)"
            + "|\\b(?:reached|to|into|intubated|entered|intubation of)\\s+the\\s+(?:cecum|cecal base|terminal ileum|ti|ileum)\\b"
            + "|\\b(?:extent|depth|furthest point)[\\w ]{0,20}:\\s*(?:the\\s+)?(?:cecum|terminal ileum|ti|ileum)\\b"
            + "|\\bcecum(?: reached)?\\s*:\\s*(?:yes|reached|complete|achieved)\\b"
            + "|\\b(?:terminal ileum|ti|ileum)\\b\\s*(?:was\\s+|:\\s*)?(?:intub\\w*|entered|reached|examined|visuali[sz]ed"
            + "|normal|appeared normal)"
            + "|\\b(?:appendiceal orifice|icv|ileocecal valve)\\b[^.;]{0,60}\\b(?:photo\\w*|identified|seen|visuali[sz]ed"
            + "|documented)"
            + "|\\b(?:photo\\w*|identified|seen|visuali[sz]ed|documented|confirmed)\\b[^.;]{0,10}\\b(?:by |of )?(?:the )?"
            + "(?:appendiceal orifice|icv|ileocecal valve)");
    private static final Pattern NOT_BEFORE = Pattern.compile("\\b(?:not|n't|unable|without|failed)\\b");
    private static final Pattern INCOMPLETE = Pattern.compile(
            "\\bincomplete\\s+(?:exam\\w*|colonoscopy|study|procedure)|\\b(?:exam\\w*|colonoscopy|study|procedure)\\s+"
            + "(?:was\\s+)?(?:incomplete|aborted|terminated)\\b|\\b(?:could not|couldn't|unable to|not)\\s+(?:be\\s+)?"
            + "(?:advanced|advance|passed|pass|traversed|reached)\\b"
            + "|\\b(?:extent|depth|furthest point)[\\w ]{0,20}:\\s*(?:the\\s+)?(?:(?:mid|proximal|distal)\\s+)?(?:ascending|hepatic|transverse"
            + "|splenic|descending|sigmoid|rectum)\\b");

    private CecalIntubation() {}

    static Boolean read(List<ReportSentence> sentences) {
        boolean reached = false;
        boolean incomplete = false;
        for (ReportSentence sentence : sentences) {
            if (!sentence.section().describesThisExam()) {
                continue;
            }
            String lower = ReportText.lower(sentence.text());
            if (CECUM_NOT_REACHED.matcher(lower).find()) {
                return false;
            }
            var positive = CECUM_REACHED.matcher(lower);
            while (positive.find()) {
                String span = positive.group();
                if (!NOT_BEFORE.matcher(span).find()) {
                    reached = true;
                }
            }
            incomplete |= INCOMPLETE.matcher(lower).find();
        }
        if (reached) {
            return true;
        }
        return incomplete ? Boolean.FALSE : null;
    }
}
