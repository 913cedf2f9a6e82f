package org.endolens.data.synthetic;

import static org.endolens.data.synthetic.Choices.one;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the free-text report of a synthetic exam as dictated prose, templated fields, a bullet list or
 * lower-case telegraphic notes, in the vocabulary of the reports data set. Each polyp entry gets one sentence or
 * line with its size and location, numbered in attribute order, and the Pathology section refers back by number.
 */
final class SyntheticReportWriter {
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth");
    private static final List<String> SCREENING_INDICATIONS = List.of("average-risk screening", "positive FIT",
            "iron deficiency anaemia", "change in bowel habit", "intermittent rectal bleeding");
    private static final List<String> SURVEILLANCE_INDICATIONS = List.of(
            "surveillance, history of adenomatous polyps", "polyp surveillance, prior TA",
            "surveillance after prior polypectomy");

    private static final int MIN_WITHDRAWAL_MINUTES = 6;
    private static final int WITHDRAWAL_MINUTES_SPAN = 10;

    private enum Style { PROSE, TEMPLATED, BULLETS, TELEGRAPHIC }

    /**
     * The report of one exam.
     *
     * @param surveillance whether this is a follow-up exam (its indication mentions earlier polyps)
     */
    String write(ExamFindings findings, int age, boolean female, boolean surveillance, SplittableRandom random) {
        Style style = one(random, Style.values());
        List<String> indications = surveillance ? SURVEILLANCE_INDICATIONS : SCREENING_INDICATIONS;
        String indication = indications.get(random.nextInt(indications.size()));
        return switch (style) {
            case PROSE -> prose(findings, age, female, indication, random);
            case TEMPLATED -> templated(findings, age, female, indication, random);
            case BULLETS -> bullets(findings, indication, random);
            case TELEGRAPHIC -> telegraphic(findings, indication, random);
        };
    }

    private String prose(ExamFindings f, int age, boolean female, String indication, SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "The patient is a %d-year-old %s referred for colonoscopy (%s). ", age,
                female ? "woman" : "man", indication));
        text.append("After informed consent, propofol sedation was administered. ");
        text.append(ExamPhrases.extent(f, true, random)).append(' ');
        text.append(ExamPhrases.preparation(f, true, random)).append(' ');
        List<PolypFinding> polyps = f.polyps();
        if (polyps.isEmpty()) {
            text.append("No polyps were seen. ");
        } else if (polyps.size() == 1) {
            PolypFinding p = polyps.get(0);
            text.append(ExamPhrases.capitalise(article(PolypPhrases.polyp(p, false, random))))
                    .append(p.count() > 1 ? " were" : " was").append(" found in the ")
                    .append(PolypPhrases.site(p.location(), false, random)).append(" and ")
                    .append(PolypPhrases.removal(p, random)).append(". ");
        } else {
            text.append("A total of ").append(f.polypCount()).append(" polyps were found. ");
            for (int k = 0; k < polyps.size(); k++) {
                PolypFinding p = polyps.get(k);
                text.append(String.format(Locale.ROOT, "The %s, %s in the %s, %s %s. ", ORDINALS.get(k),
                        article(PolypPhrases.polyp(p, false, random)), PolypPhrases.site(p.location(), false, random),
                        p.count() > 1 ? "were" : "was", PolypPhrases.removal(p, random)));
            }
        }
        for (String other : f.otherFindings()) {
            text.append(ExamPhrases.capitalise(ExamPhrases.otherFinding(other, random))).append(". ");
        }
        int withdrawal = MIN_WITHDRAWAL_MINUTES + random.nextInt(WITHDRAWAL_MINUTES_SPAN);
        text.append("The withdrawal time was ").append(withdrawal).append(" minutes.");
        ExamPhrases.pathology(f, false, random).ifPresent(p -> text.append("\nPathology: ").append(p));
        text.append("\nRecommendation: ").append(ExamPhrases.recommendation(f)).append('.');
        return text.toString();
    }

    private String templated(ExamFindings f, int age, boolean female, String indication, SplittableRandom random) {
        List<String> lines = new ArrayList<>();
        lines.add("PROCEDURE: Colonoscopy.");
        lines.add(String.format(Locale.ROOT, "PATIENT: %d-year-old %s.", age, female ? "female" : "male"));
        lines.add("INDICATION: " + ExamPhrases.capitalise(indication) + ".");
        lines.add("EXTENT: " + ExamPhrases.extent(f, false, random));
        lines.add("PREP: " + ExamPhrases.preparation(f, false, random));
        lines.add("FINDINGS:");
        List<PolypFinding> polyps = f.polyps();
        for (int k = 0; k < polyps.size(); k++) {
            PolypFinding p = polyps.get(k);
            lines.add(String.format(Locale.ROOT, "Polyp %d: %s; location %s; %s.", k + 1,
                    PolypPhrases.polyp(p, false, random), PolypPhrases.site(p.location(), false, random),
                    PolypPhrases.removal(p, random)));
        }
        if (polyps.isEmpty()) {
            lines.add("No polyps.");
        }
        for (String other : f.otherFindings()) {
            lines.add(ExamPhrases.capitalise(ExamPhrases.otherFinding(other, random)) + ".");
        }
        ExamPhrases.pathology(f, false, random).ifPresent(p -> lines.add("PATHOLOGY: " + p));
        lines.add("RECOMMENDATION: " + ExamPhrases.recommendation(f) + ".");
        return String.join("\n", lines);
    }

    private String bullets(ExamFindings f, String indication, SplittableRandom random) {
        List<String> lines = new ArrayList<>();
        lines.add("Indication: " + ExamPhrases.capitalise(indication) + ".");
        lines.add("Extent of exam: " + ExamPhrases.extent(f, false, random));
        lines.add("Bowel prep: " + ExamPhrases.preparation(f, false, random));
        lines.add("Findings:");
        List<PolypFinding> polyps = f.polyps();
        for (int k = 0; k < polyps.size(); k++) {
            PolypFinding p = polyps.get(k);
            lines.add(String.format(Locale.ROOT, "%s %s: %s, %s.", polyps.size() > 1 ? (k + 1) + "." : "-",
                    ExamPhrases.capitalise(PolypPhrases.site(p.location(), false, random)),
                    PolypPhrases.polyp(p, false, random),
                    PolypPhrases.removal(p, random)));
        }
        if (polyps.isEmpty()) {
            lines.add("- No polyps.");
        }
        for (String other : f.otherFindings()) {
            lines.add("- " + ExamPhrases.capitalise(ExamPhrases.otherFinding(other, random)) + ".");
        }
        ExamPhrases.pathology(f, false, random).ifPresent(p -> lines.add("Pathology: " + p));
        lines.add("Recommendations: " + ExamPhrases.recommendation(f) + ".");
        return String.join("\n", lines);
    }

    private String telegraphic(ExamFindings f, String indication, SplittableRandom random) {
        List<String> parts = new ArrayList<>();
        parts.add("colonoscopy for " + indication);
        parts.add("prep " + lowerCase(withoutPeriod(ExamPhrases.preparation(f, false, random))));
        parts.add(lowerCase(withoutPeriod(ExamPhrases.extent(f, false, random))));
        List<PolypFinding> polyps = f.polyps();
        for (int k = 0; k < polyps.size(); k++) {
            PolypFinding p = polyps.get(k);
            parts.add(String.format(Locale.ROOT, "#%d %s %s, %s", k + 1, PolypPhrases.polyp(p, true, random),
                    PolypPhrases.site(p.location(), true, random), PolypPhrases.removal(p, random)));
        }
        if (polyps.isEmpty()) {
            parts.add("no polyps seen");
        }
        for (String other : f.otherFindings()) {
            parts.add(lowerCase(ExamPhrases.otherFinding(other, random)));
        }
        ExamPhrases.pathology(f, true, random).ifPresent(p -> parts.add("path: " + withoutPeriod(p)));
        parts.add(lowerCase(ExamPhrases.recommendation(f)));
        return String.join(". ", parts) + ".";
    }

    /** "a 6 mm polyp", "an 8 mm polyp"; phrases that start with a count word ("two 3 mm polyps") stay as they are. */
    private static String article(String phrase) {
        if (!Character.isDigit(phrase.charAt(0))) {
            return phrase;
        }
        boolean vowelSound = phrase.startsWith("8") || phrase.startsWith("11") || phrase.startsWith("18");
        return (vowelSound ? "an " : "a ") + phrase;
    }

    /** Lower case, keeping the abbreviations that stay upper case in telegraphic notes. */
    private static String lowerCase(String text) {
        return text.toLowerCase(Locale.ROOT).replace("bbps", "BBPS").replace("icv", "ICV")
                .replace("ti intubated", "TI intubated").replace(" ct ", " CT ");
    }

    private static String withoutPeriod(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }
}
