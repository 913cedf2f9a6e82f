package org.endolens.cleanse;

import org.endolens.DataFormatException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default rules and the logistic model: decisions, scores, reasons and the model file. */
class FrameQualityClassifierTest {
    /** A well-exposed, sharp, mucosa-coloured frame. */
    private static final FrameFeatures TYPICAL = new FrameFeatures(800, 0.3, 0.02, 0.002, 0.42, 0.01, 15, 5, 0.6,
            0.1, 0.45, 0.005, 7.2, 0.83);

    @TempDir
    Path tmp;

    @Test
    void defaultRulesKeepATypicalFrame() {
        FrameDecision decision = FrameQualityClassifier.defaults().decide(TYPICAL);
        assertTrue(decision.informative());
        assertTrue(decision.score() > 0.5, "score " + decision.score());
        assertEquals("", decision.reasonLabel());
    }

    @Test
    void defaultRulesNameTheCauseBeforeItsSymptoms() {
        FrameFeatures darkAndFlat = with(TYPICAL, x -> set(set(x, "underexposed", 0.97), "sharpness", 3));
        FrameDecision decision = FrameQualityClassifier.defaults().decide(darkAndFlat);
        assertFalse(decision.informative());
        assertEquals(Reason.DARK, decision.reason());
        assertEquals("dark", decision.reasonLabel());
        assertTrue(decision.score() < 0.5);
        FrameQualityClassifier rules = FrameQualityClassifier.defaults();
        assertEquals(Reason.BLURRED, rules.decide(with(TYPICAL, x -> set(x, "sharpness", 3))).reason());
        assertEquals(Reason.NOT_MUCOSA, rules.decide(with(TYPICAL, x -> set(x, "mucosa", 0))).reason());
        assertEquals("not-mucosa", Reason.NOT_MUCOSA.label());
    }

    @Test
    void defaultScoreIsOneHalfAtAThreshold() {
        FrameFeatures atMinimumSharpness = with(TYPICAL, x -> set(x, "sharpness", 35));
        FrameDecision atThreshold = FrameQualityClassifier.defaults().decide(atMinimumSharpness);
        assertEquals(0.5, atThreshold.score(), 1e-12);
        assertTrue(atThreshold.informative());
    }

    @Test
    void logisticReasonIsTheFeatureThatPushedTheFrameOut() {
        LogisticQualityModel dark = LogisticQualityModel.fit(toySet("underexposed", 0.95), 128);
        LogisticQualityModel bubbly = LogisticQualityModel.fit(toySet("bubbles", 0.05), 128);
        FrameDecision darkFrame = dark.decide(with(TYPICAL, x -> set(x, "underexposed", 0.9)));
        FrameDecision bubblyFrame = bubbly.decide(with(TYPICAL, x -> set(x, "bubbles", 0.06)));
        assertEquals(Reason.DARK, darkFrame.reason());
        assertEquals(Reason.BUBBLES, bubblyFrame.reason());
        assertTrue(dark.decide(TYPICAL).informative());
        assertTrue(bubbly.decide(TYPICAL).informative());
    }

    @Test
    void everyFeatureCanNameTheReason() {
        for (String feature : FrameFeatures.NAMES) {
            double unusual = 3 * TYPICAL.toArray()[FrameFeatures.NAMES.indexOf(feature)] + 1;
            FrameDecision decision = LogisticQualityModel.fit(toySet(feature, unusual), 128)
                    .decide(with(TYPICAL, x -> set(x, feature, unusual)));
            assertFalse(decision.informative(), feature);
            assertTrue(decision.reason() != null, feature);
        }
    }

    @Test
    void modelFileRoundTripsEveryDecision() throws Exception {
        LogisticQualityModel model = LogisticQualityModel.fit(toySet("overexposed", 0.8), 128);
        Path file = tmp.resolve("models/cleanse.json");
        model.save(file);
        try (var listing = Files.list(file.getParent())) {
            assertEquals(List.of(file), listing.toList(), "no temporary file is left behind");
        }
        FrameQualityClassifier loaded = FrameQualityClassifier.load(file);
        assertEquals(128, loaded.maxSide());
        LabelledFeatures probe = toySet("overexposed", 0.5);
        for (FrameFeatures f : probe.features()) {
            assertEquals(model.decide(f), loaded.decide(f));
        }
        String json = Files.readString(file);
        assertTrue(json.contains("\"format\" : \"" + LogisticQualityModel.FORMAT + "\""), json);
        assertTrue(json.contains("\"log_features\" : [ \"sharpness\" ]"), json);
    }

    @Test
    void modelWithOtherFeaturesIsRejected() throws Exception {
        Path file = tmp.resolve("cleanse.json");
        LogisticQualityModel.fit(toySet("specular", 0.7), 128).save(file);
        Files.writeString(file, Files.readString(file).replace("\"entropy\"", "\"contrast\""));
        DataFormatException e = assertThrows(DataFormatException.class, () -> FrameQualityClassifier.load(file));
        assertTrue(e.getMessage().contains("retrain"), e.getMessage());
    }

    @Test
    void fittingNeedsBothClasses() {
        LabelledFeatures oneClass = new LabelledFeatures("only-good.csv", List.of(TYPICAL, TYPICAL),
                new boolean[] {true, true});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticQualityModel.fit(oneClass, 128));
        assertTrue(e.getMessage().contains("2 informative and 0 background"), e.getMessage());
    }

    /**
     * 40 jittered typical frames and 20 background ones that differ from them only in {@code feature}, set to about
     * {@code value}.
     */
    private static LabelledFeatures toySet(String feature, double value) {
        SplittableRandom random = new SplittableRandom(3);
        List<FrameFeatures> features = new ArrayList<>();
        boolean[] informative = new boolean[60];
        for (int i = 0; i < informative.length; i++) {
            informative[i] = i < 40;
            double[] x = TYPICAL.toArray();
            for (int j = 0; j < x.length; j++) {
                x[j] *= 1 + 0.1 * random.nextGaussian();
            }
            if (!informative[i]) {
                x[FrameFeatures.NAMES.indexOf(feature)] = value * (1 + 0.05 * random.nextGaussian());
            }
            features.add(FrameFeatures.fromArray(x));
        }
        return new LabelledFeatures("toy", features, informative);
    }

    private static FrameFeatures with(FrameFeatures base, UnaryOperator<double[]> change) {
        return FrameFeatures.fromArray(change.apply(base.toArray()));
    }

    private static double[] set(double[] x, String feature, double value) {
        x[FrameFeatures.NAMES.indexOf(feature)] = value;
        return x;
    }
}
