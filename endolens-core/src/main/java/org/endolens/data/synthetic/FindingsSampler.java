package org.endolens.data.synthetic;

import org.endolens.data.synthetic.PolypFinding.PathologyStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the ground truth of one exam. Frequencies loosely follow screening colonoscopy: about a third of exams
 * without polyps, most polyps diminutive and distal, large ones pedunculated or advanced adenomas.
 */
final class FindingsSampler {
    private static final double NO_POLYP_PROBABILITY = 0.3;
    private static final double INCOMPLETE_PROBABILITY = 0.08;
    private static final double CECUM_UNSTATED_PROBABILITY = 0.07;
    private static final double BBPS_UNSCORED_PROBABILITY = 0.1;
    private static final double BBPS_UNSCORED_IF_INCOMPLETE = 0.7;
    private static final double DIMINUTIVE_PROBABILITY = 0.55;
    private static final double SMALL_PROBABILITY = 0.3;
    private static final double GROUPED_PROBABILITY = 0.15;
    private static final double PATHOLOGY_PENDING_PROBABILITY = 0.06;
    private static final double NOT_RETRIEVED_PROBABILITY = 0.1;

    private static final List<ColonSegment> STOPPING_POINTS = List.of(ColonSegment.TRANSVERSE_COLON,
            ColonSegment.SPLENIC_FLEXURE, ColonSegment.DESCENDING_COLON, ColonSegment.SIGMOID_COLON);
    /** Polyp frequency per segment, in {@link ColonSegment} order. */
    private static final double[] LOCATION_WEIGHTS = {1, 8, 16, 6, 16, 5, 10, 24, 14};
    private static final int[] LARGE_SIZES_MM = {10, 12, 15, 18, 20, 25, 30};
    private static final List<Integer> BBPS_SCORES = List.of(1, 2, 3);
    private static final double[] BBPS_WEIGHTS = {0.1, 0.45, 0.45};
    private static final List<String> OTHER_FINDINGS = List.of("diverticulosis", "internal hemorrhoids", "lipoma",
            "angioectasia", "melanosis coli", "colitis");
    private static final double[] OTHER_FINDING_PROBABILITIES = {0.25, 0.2, 0.04, 0.04, 0.03, 0.03};

    ExamFindings sample(SplittableRandom random, int maxPolyps) {
        Boolean cecumReached = Choices.chance(random, INCOMPLETE_PROBABILITY) ? Boolean.FALSE
                : Choices.chance(random, CECUM_UNSTATED_PROBABILITY) ? null : Boolean.TRUE;
        ColonSegment deepest = Boolean.FALSE.equals(cecumReached)
                ? STOPPING_POINTS.get(random.nextInt(STOPPING_POINTS.size())) : null;
        double unscored = deepest != null ? BBPS_UNSCORED_IF_INCOMPLETE : BBPS_UNSCORED_PROBABILITY;
        List<Integer> bbps = Choices.chance(random, unscored) ? List.of() : List.of(
                Choices.weighted(random, BBPS_SCORES, BBPS_WEIGHTS),
                Choices.weighted(random, BBPS_SCORES, BBPS_WEIGHTS),
                Choices.weighted(random, BBPS_SCORES, BBPS_WEIGHTS));

        int polypEntries = Choices.chance(random, NO_POLYP_PROBABILITY) || maxPolyps == 0 ? 0
                : 1 + (int) (maxPolyps * Math.pow(random.nextDouble(), 2));
        boolean pending = Choices.chance(random, PATHOLOGY_PENDING_PROBABILITY);
        List<PolypFinding> polyps = new ArrayList<>();
        for (int i = 0; i < polypEntries; i++) {
            polyps.add(polyp(random, deepest == null ? ColonSegment.TERMINAL_ILEUM : deepest, pending));
        }
        polyps.sort(Comparator.comparing(PolypFinding::location));

        List<String> other = new ArrayList<>();
        for (int i = 0; i < OTHER_FINDINGS.size(); i++) {
            if (Choices.chance(random, OTHER_FINDING_PROBABILITIES[i])) {
                other.add(OTHER_FINDINGS.get(i));
            }
        }
        return new ExamFindings(polyps, bbps, cecumReached, deepest, other);
    }

    private PolypFinding polyp(SplittableRandom random, ColonSegment deepestVisible, boolean pending) {
        double sizeDraw = random.nextDouble();
        boolean diminutive = sizeDraw < DIMINUTIVE_PROBABILITY;
        int size = diminutive ? 2 + random.nextInt(4)
                : sizeDraw < DIMINUTIVE_PROBABILITY + SMALL_PROBABILITY ? 6 + random.nextInt(4)
                : LARGE_SIZES_MM[random.nextInt(LARGE_SIZES_MM.length)];
        ColonSegment location = location(random, deepestVisible);
        PolypShape shape = shape(random, size);
        PolypPathology histology = histology(random, size, shape, location);
        PathologyStatus status = pending ? PathologyStatus.PENDING
                : diminutive && Choices.chance(random, NOT_RETRIEVED_PROBABILITY) ? PathologyStatus.NOT_RETRIEVED
                : PathologyStatus.REPORTED;
        int count = diminutive && Choices.chance(random, GROUPED_PROBABILITY) ? 2 + random.nextInt(2) : 1;
        return new PolypFinding(size, location, shape, histology, status, count);
    }

    private static ColonSegment location(SplittableRandom random, ColonSegment deepestVisible) {
        List<ColonSegment> segments = List.of(ColonSegment.values());
        double[] weights = LOCATION_WEIGHTS.clone();
        for (int i = 0; i < deepestVisible.ordinal(); i++) {
            weights[i] = 0;
        }
        return Choices.weighted(random, segments, weights);
    }

    private static PolypShape shape(SplittableRandom random, int sizeMm) {
        List<PolypShape> shapes = List.of(PolypShape.SESSILE, PolypShape.PEDUNCULATED, PolypShape.FLAT_ELEVATED);
        double[] weights = sizeMm <= 5 ? new double[] {0.65, 0, 0.35}
                : sizeMm < 10 ? new double[] {0.55, 0.2, 0.25} : new double[] {0.35, 0.4, 0.25};
        return Choices.weighted(random, shapes, weights);
    }

    private static PolypPathology histology(SplittableRandom random, int sizeMm, PolypShape shape,
            ColonSegment location) {
        List<PolypPathology> kinds = List.of(PolypPathology.values());
        boolean distal = location.compareTo(ColonSegment.SIGMOID_COLON) >= 0;
        boolean proximalFlat = shape == PolypShape.FLAT_ELEVATED
                && location.compareTo(ColonSegment.TRANSVERSE_COLON) <= 0;
        double[] weights;
        if (sizeMm >= 15) {
            weights = new double[] {0.3, 0.4, 0.1, 0, 0.2};
        } else if (sizeMm >= 10) {
            weights = new double[] {0.5, 0.3, 0.15, 0.05, 0};
        } else if (proximalFlat) {
            weights = new double[] {0.4, 0, 0.5, 0.1, 0};
        } else if (distal && sizeMm <= 5) {
            weights = new double[] {0.4, 0, 0.05, 0.55, 0};
        } else {
            weights = new double[] {0.7, 0.05, 0.1, 0.15, 0};
        }
        return Choices.weighted(random, kinds, weights);
    }
}
