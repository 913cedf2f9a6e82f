package org.endolens.data.synthetic;

import static org.endolens.data.synthetic.Choices.chance;
import static org.endolens.data.synthetic.Choices.one;

import org.endolens.data.synthetic.PolypFinding.PathologyStatus;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Phrases for one polyp entry in the wordings the reports data set uses: sizes in mm or cm, segment names with
 * qualifiers, abbreviations and landmarks, Paris words or codes, removal, and histology by name or abbreviation.
 * {@code terse} picks the short forms of lower-case telegraphic notes.
 */
final class PolypPhrases {
    private static final List<String> COUNT_WORDS = List.of("one", "two", "three", "four");
    private static final double CENTIMETRES_IF_LARGE = 0.5;
    private static final double CENTIMETRES_IF_SMALL = 0.1;
    private static final double ALIAS_PROBABILITY = 0.25;
    private static final double TERSE_ALIAS_PROBABILITY = 0.6;
    private static final double QUALIFIER_PROBABILITY = 0.15;
    private static final double DYSPLASIA_NOTE_PROBABILITY = 0.4;
    private static final double ABBREVIATION_PROBABILITY = 0.2;
    private static final double UNSPACED_UNIT_PROBABILITY = 0.5;
    private static final double SLIGHTLY_ELEVATED_PROBABILITY = 0.3;
    /** Diminutive polyps go with forceps or a cold snare, large ones (from 10 mm) with a hot snare or EMR. */
    private static final int DIMINUTIVE_MM = 5;
    private static final int LARGE_MM = 10;

    private PolypPhrases() {}

    /** "6 mm", "6mm", "0.6 cm" or "1.2 cm". */
    static String size(int mm, boolean terse, SplittableRandom random) {
        if (chance(random, mm >= LARGE_MM ? CENTIMETRES_IF_LARGE : CENTIMETRES_IF_SMALL)) {
            return String.format(Locale.ROOT, "%.1f cm", mm / 10.0);
        }
        return mm + (terse && chance(random, UNSPACED_UNIT_PROBABILITY) ? "mm" : " mm");
    }

    /** The polyp noun phrase without location: "6 mm sessile polyp", "two 3 mm polyps (Paris 0-Is)". */
    static String polyp(PolypFinding polyp, boolean terse, SplittableRandom random) {
        String size = size(polyp.sizeMm(), terse, random);
        String noun = polyp.count() > 1 ? "polyps" : "polyp";
        String head = polyp.count() > 1 ? COUNT_WORDS.get(polyp.count() - 1) + " " : "";
        PolypShape shape = polyp.shape();
        boolean slightly = shape == PolypShape.FLAT_ELEVATED && chance(random, SLIGHTLY_ELEVATED_PROBABILITY);
        String word = slightly ? "slightly elevated" : shape.word();
        return head + switch (random.nextInt(terse ? 2 : 4)) {
            case 0 -> size + " " + word + " " + noun;
            case 1 -> size + " " + code(shape, random) + " " + noun;
            case 2 -> size + " " + noun + " (Paris " + shape.parisClass() + ")";
            default -> size + " " + word + " " + noun + " (" + shape.parisClass() + ")";
        };
    }

    /** A Paris code as written: "0-Is", "Paris 0-Is" or "Is". */
    static String code(PolypShape shape, SplittableRandom random) {
        String bare = shape.parisClass().substring("0-".length());
        return one(random, shape.parisClass(), "Paris " + shape.parisClass(), bare);
    }

    /** The segment's name, sometimes qualified ("mid transverse colon") or replaced by an abbreviation or landmark. */
    static String site(ColonSegment segment, boolean terse, SplittableRandom random) {
        List<String> aliases = segment.aliases();
        if (!aliases.isEmpty() && chance(random, terse ? TERSE_ALIAS_PROBABILITY : ALIAS_PROBABILITY)) {
            return aliases.get(random.nextInt(aliases.size()));
        }
        if (segment.isColonSegment() && chance(random, QUALIFIER_PROBABILITY)) {
            return one(random, "proximal ", "mid ", "distal ") + segment.schemaName();
        }
        return segment.schemaName();
    }

    /** How the polyp was removed and whether it was retrieved. */
    static String removal(PolypFinding polyp, SplittableRandom random) {
        String tool = polyp.sizeMm() <= DIMINUTIVE_MM ? one(random, "cold forceps", "cold snare")
                : polyp.sizeMm() < LARGE_MM ? "cold snare"
                : one(random, "hot snare", "EMR", "hot snare after submucosal lift");
        boolean lost = polyp.pathologyStatus() == PathologyStatus.NOT_RETRIEVED;
        return "removed with " + tool + (lost ? " but not retrieved" : " and retrieved");
    }

    /** The histology of one entry as a pathologist words it, or why it is missing. */
    static String histology(PolypFinding polyp, boolean terse, SplittableRandom random) {
        return switch (polyp.pathologyStatus()) {
            case PENDING -> "pending";
            case NOT_RETRIEVED -> "not retrieved";
            case REPORTED -> {
                PolypPathology kind = polyp.histology();
                if (terse || chance(random, ABBREVIATION_PROBABILITY)) {
                    yield kind.abbreviation();
                }
                String name = polyp.count() > 1 ? kind.plural() : kind.schemaName();
                boolean adenoma = kind == PolypPathology.TUBULAR_ADENOMA
                        || kind == PolypPathology.TUBULOVILLOUS_ADENOMA;
                yield adenoma && chance(random, DYSPLASIA_NOTE_PROBABILITY)
                        ? name + one(random, ", no high-grade dysplasia", " with low-grade dysplasia") : name;
            }
        };
    }
}
