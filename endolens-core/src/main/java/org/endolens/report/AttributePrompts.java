package org.endolens.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns report attributes into short text targets for multi-positive contrastive learning: per polyp entry the full
 * description ("a 6 mm sessile polyp in the sigmoid colon") and each attribute alone ("a sessile polyp", "a polyp in
 * the sigmoid colon", "a 6 mm polyp", "tubular adenoma"); per report "no polyps" or "multiple polyps", the other
 * findings and the bowel preparation. Deterministic: the same attributes always give the same sentences in the same
 * order, without duplicates.
 */
public final class AttributePrompts {
    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten");
    private static final int ADEQUATE_BBPS = 6;

    private AttributePrompts() {}

    public static List<String> sentences(ReportAttributes attributes) {
        Set<String> sentences = new LinkedHashSet<>();
        if (attributes.polyps().isEmpty()) {
            sentences.add("no polyps");
        }
        for (PolypFinding polyp : attributes.polyps()) {
            sentences.add(description(polyp, true, true, true));
            if (polyp.morphology() != null) {
                sentences.add(description(polyp, false, true, false));
            }
            if (polyp.location() != null) {
                sentences.add(description(polyp, false, false, true));
            }
            if (polyp.sizeMm() != null) {
                sentences.add(description(polyp, true, false, false));
            }
            if (polyp.pathology() != null) {
                sentences.add(polyp.pathology());
            }
        }
        if (attributes.polyps().size() > 1 || attributes.polypCount() == null && !attributes.polyps().isEmpty()) {
            sentences.add("multiple polyps");
        }
        sentences.addAll(attributes.otherFindings());
        if (attributes.bbpsTotal() != null) {
            sentences.add((attributes.bbpsTotal() >= ADEQUATE_BBPS ? "adequate" : "inadequate") + " bowel preparation");
        }
        return List.copyOf(new ArrayList<>(sentences));
    }

    /** "a 6 mm sessile polyp in the sigmoid colon", "two 3 mm polyps", "polyps in the rectum" (unquantified). */
    private static String description(PolypFinding polyp, boolean size, boolean shape, boolean location) {
        Integer count = polyp.count();
        StringBuilder s = new StringBuilder();
        if (count == null) {
            s.append("multiple ");
        } else if (count == 1) {
            s.append("a ");
        } else {
            s.append(count < NUMBER_WORDS.size() ? NUMBER_WORDS.get(count) : String.valueOf(count)).append(' ');
        }
        if (size && polyp.sizeMm() != null) {
            s.append(millimetres(polyp.sizeMm())).append(" mm ");
        }
        if (shape && polyp.morphology() != null) {
            s.append(ParisClass.of(polyp.morphology()).word()).append(' ');
        }
        s.append(count != null && count == 1 ? "polyp" : "polyps");
        if (location && polyp.location() != null) {
            s.append(polyp.location().equals(Segment.RECTUM.label()) ? " in the rectum" : " in the " + polyp.location());
        }
        return s.toString();
    }

    private static String millimetres(double mm) {
        return mm == Math.rint(mm) ? String.valueOf((long) mm) : String.format(Locale.ROOT, "%.1f", mm);
    }
}
