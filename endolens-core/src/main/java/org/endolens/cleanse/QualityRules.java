package org.endolens.cleanse;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The untrained classifier: one threshold per failure kind, checked causes first, so a dark frame (which also lacks
 * texture) is reported as dark, not blurred. The score is the logistic of 4 times the smallest
 * log-ratio margin of a feature to its threshold: 0.5 exactly at a threshold, above it when every rule passes.
 */
final class QualityRules implements FrameQualityClassifier {
    /*
     * Each threshold sits between the synthetic background frames of its kind and all informative frames, synthetic
     * (SyntheticColonoscopy at 96, 128 and 224 pixels, 1,212 frames) and real (Kvasir-SEG and CVC-ClinicDB, 1,612
     * frames, all informative), near the geometric middle of the gap where there is one; the measured ranges are in
     * docs/formats.md ("Frame cleansing").
     */
    /** Dark synthetic frames have at least 74 % of their view below luma 0.1, real frames at most 40 %. */
    private static final double MAX_UNDEREXPOSED = 0.55;
    /** Over-exposed synthetic frames clip at least 64 % of their view, real frames at most 17 %. */
    private static final double MAX_OVEREXPOSED = 0.3;
    /** Glare over half the view is a white-out; real frames' specular highlights cover at most 25 %. */
    private static final double MAX_SPECULAR = 0.5;
    /** Blurred and defocused synthetic frames stay at or below 30, sharp ones at or above 42, real ones above 70. */
    private static final double MIN_SHARPNESS = 35;
    /**
     * Synthetic bubble frames put at least 1.7 % of their view on thin bright rims; 99 % of real frames stay below
     * 1.9 %, the rest being wet mucosa full of specular streaks. No gap here: this drops about 2 % of real frames.
     */
    private static final double MAX_BUBBLES = 0.017;
    /** Grey, white, green or blue views; greyish real mucosa under a cool white balance still reaches 0.12. */
    private static final double MIN_MUCOSA = 0.08;
    /** Feature values are floored here before taking log-ratios, so an exact 0 has a finite margin. */
    private static final double FLOOR = 1e-6;
    private static final double SCORE_SLOPE = 4;

    private static final QualityRules DEFAULTS = new QualityRules(List.of(
            Rule.atMost(Reason.DARK, FrameFeatures::underexposed, MAX_UNDEREXPOSED),
            Rule.atMost(Reason.OVEREXPOSED, FrameFeatures::overexposed, MAX_OVEREXPOSED),
            Rule.atMost(Reason.SPECULAR, FrameFeatures::specular, MAX_SPECULAR),
            Rule.atLeast(Reason.BLURRED, FrameFeatures::sharpness, MIN_SHARPNESS),
            Rule.atMost(Reason.BUBBLES, FrameFeatures::bubbles, MAX_BUBBLES),
            Rule.atLeast(Reason.NOT_MUCOSA, FrameFeatures::mucosa, MIN_MUCOSA)));

    private final List<Rule> rules;

    private QualityRules(List<Rule> rules) {
        this.rules = rules;
    }

    static QualityRules defaults() {
        return DEFAULTS;
    }

    @Override
    public FrameDecision decide(FrameFeatures features) {
        Reason failed = null;
        double smallest = Double.POSITIVE_INFINITY;
        for (Rule rule : rules) {
            double margin = rule.margin(features);
            if (margin < 0 && failed == null) {
                failed = rule.reason;
            }
            smallest = Math.min(smallest, margin);
        }
        double score = 1 / (1 + Math.exp(-SCORE_SLOPE * smallest));
        return failed == null ? FrameDecision.keep(score) : FrameDecision.drop(score, failed);
    }

    @Override
    public int maxSide() {
        return FrameQualityScorer.DEFAULT_MAX_SIDE;
    }

    @Override
    public String describe() {
        return "default rules (no model given)";
    }

    /** A bound on one feature; its margin is the log-ratio of value and bound, negative when the rule fails. */
    private record Rule(Reason reason, ToDoubleFunction<FrameFeatures> feature, double bound, boolean lower) {
        static Rule atMost(Reason reason, ToDoubleFunction<FrameFeatures> feature, double bound) {
            return new Rule(reason, feature, bound, false);
        }

        static Rule atLeast(Reason reason, ToDoubleFunction<FrameFeatures> feature, double bound) {
            return new Rule(reason, feature, bound, true);
        }

        double margin(FrameFeatures features) {
            double ratio = Math.log(Math.max(FLOOR, feature.applyAsDouble(features)) / bound);
            return lower ? ratio : -ratio;
        }
    }
}
