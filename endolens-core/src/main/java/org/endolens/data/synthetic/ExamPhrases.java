package org.endolens.data.synthetic;

import static org.endolens.data.synthetic.Choices.one;

import org.endolens.data.synthetic.PolypFinding.PathologyStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Exam-level phrases of a report in the reports data set's wordings: extent and cecal intubation, bowel
 * preparation with its BBPS, the Pathology section, non-polyp findings and the follow-up recommendation.
 * {@code prose} picks full sentences, otherwise field values; {@code terse} picks telegraphic forms.
 */
final class ExamPhrases {
    /** A BBPS total from which the preparation is called good rather than fair. */
    private static final int ADEQUATE_BBPS = 6;
    /** A polyp this large, or this many polyps, shortens the surveillance interval. */
    private static final int ADVANCED_SIZE_MM = 10;
    private static final int MANY_POLYPS = 3;
    private static final int NORMAL_INTERVAL_YEARS = 10;
    private static final int LOW_RISK_INTERVAL_YEARS = 7;
    private static final int HIGH_RISK_INTERVAL_YEARS = 3;

    private ExamPhrases() {}

    static String extent(ExamFindings f, boolean prose, SplittableRandom random) {
        if (f.cecumReached() == null) {
            return prose ? "The colonoscope was advanced without difficulty." : "Scope advanced without difficulty.";
        }
        if (!f.cecumReached()) {
            String reason = one(random, "looping", "poor preparation", "patient discomfort");
            String stop = f.deepestReached().schemaName();
            return prose
                    ? "The colonoscope could not be advanced beyond the " + stop + " due to " + reason + ". "
                            + "Cecum not reached."
                    : "Incomplete, could not be advanced beyond the " + stop + " (" + reason + "). Cecum not reached.";
        }
        return prose
                ? one(random, "The cecum was reached and identified by the appendiceal orifice and ileocecal valve.",
                        "The colonoscope was advanced to the cecum. Cecum reached.",
                        "The terminal ileum was intubated and appeared normal.")
                : one(random, "Cecum reached.", "Cecum reached and photographed.",
                        "Complete to the cecum, appendiceal orifice and ICV photographed.",
                        "Cecum reached; TI intubated, normal.");
    }

    static String preparation(ExamFindings f, boolean prose, SplittableRandom random) {
        List<Integer> s = f.bbpsSegments();
        if (s.isEmpty()) {
            String quality = one(random, "fair", "adequate", "poor");
            return prose ? "The preparation was " + quality + "; BBPS was not recorded."
                    : capitalise(quality) + ", not scored.";
        }
        int total = f.bbpsTotal();
        String score = switch (random.nextInt(4)) {
            case 0 -> String.format(Locale.ROOT, "BBPS %d-%d-%d (%d)", s.get(0), s.get(1), s.get(2), total);
            case 1 -> String.format(Locale.ROOT, "Boston Bowel Preparation Scale %d-%d-%d (%d)",
                    s.get(0), s.get(1), s.get(2), total);
            case 2 -> String.format(Locale.ROOT, "BBPS R%d T%d L%d", s.get(0), s.get(1), s.get(2));
            default -> "Boston score " + total;
        };
        String quality = total >= ADEQUATE_BBPS ? "good" : "fair";
        return prose ? "The preparation was " + quality + ": " + score + "." : score + ".";
    }

    /** The Pathology section's text, or empty when there are no polyps; several polyps are referred to by number. */
    static Optional<String> pathology(ExamFindings f, boolean terse, SplittableRandom random) {
        List<PolypFinding> polyps = f.polyps();
        if (polyps.isEmpty()) {
            return Optional.empty();
        }
        if (polyps.stream().allMatch(p -> p.pathologyStatus() == PathologyStatus.PENDING)) {
            return Optional.of(terse ? "pending" : "Pending.");
        }
        if (polyps.size() == 1) {
            return Optional.of(capitalise(PolypPhrases.histology(polyps.get(0), terse, random)) + ".");
        }
        List<String> entries = new ArrayList<>();
        for (int k = 0; k < polyps.size(); k++) {
            PolypFinding p = polyps.get(k);
            String histology = PolypPhrases.histology(p, terse, random);
            String site = p.location().schemaName() + (p.count() > 1 ? " polyps" : " polyp");
            entries.add(terse ? "#" + (k + 1) + " " + histology : "(" + (k + 1) + ") " + site + ": " + histology + ".");
        }
        return Optional.of(String.join(terse ? ", " : " ", entries));
    }

    /** A non-polyp finding (schema label) as a report words it. */
    static String otherFinding(String finding, SplittableRandom random) {
        return switch (finding) {
            case "diverticulosis" -> one(random, "moderate sigmoid diverticulosis",
                    "scattered diverticula in the sigmoid", "pan-diverticulosis");
            case "internal hemorrhoids" -> one(random, "small internal hemorrhoids on retroflexion",
                    "grade I internal hemorrhoids seen in the rectum");
            case "lipoma" -> "a lipoma with a positive pillow sign";
            case "angioectasia" -> one(random, "a small angioectasia, treated with APC",
                    "an angioectasia, not treated");
            case "melanosis coli" -> "melanosis coli throughout the colon";
            case "colitis" -> "patchy erythema and loss of vascular pattern, consistent with ulcerative colitis";
            default -> throw new IllegalArgumentException("no wording for other finding '" + finding + "'");
        };
    }

    static String recommendation(ExamFindings f) {
        if (Boolean.FALSE.equals(f.cecumReached())) {
            return "Repeat colonoscopy or CT colonography to complete the examination";
        }
        if (f.polyps().stream().anyMatch(p -> p.pathologyStatus() == PathologyStatus.PENDING)) {
            return "Await pathology; surveillance interval to follow";
        }
        boolean advanced = f.polypCount() >= MANY_POLYPS
                || f.polyps().stream().anyMatch(p -> p.sizeMm() >= ADVANCED_SIZE_MM);
        int years = f.polyps().isEmpty() ? NORMAL_INTERVAL_YEARS
                : advanced ? HIGH_RISK_INTERVAL_YEARS : LOW_RISK_INTERVAL_YEARS;
        return "Repeat colonoscopy in " + years + " years";
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
