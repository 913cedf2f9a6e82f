package org.endolens.cleanse;

import org.endolens.data.BadInputPolicy;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.data.RecordsFile;
import org.endolens.data.image.ImageFiles;
import org.endolens.data.synthetic.SyntheticColonoscopy;
import org.endolens.data.synthetic.SyntheticConfig;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Background-frame detection against the synthetic generator's ground truth: a model trained on one generated set
 * and evaluated on another generated with a different seed, and the untrained default rules.
 */
class FrameCleansingAcceptanceTest {
    private static final double REQUIRED_F1 = 0.95;
    /** Share of background frames whose reason must name the generator's artefact. */
    private static final double REQUIRED_REASONS = 0.95;
    private static final int THREADS = 2;
    /** The rule each artefact kind of the generator should fail. */
    private static final Map<String, Reason> EXPECTED_REASONS = Map.of("background:dark", Reason.DARK,
            "background:overexposed", Reason.OVEREXPOSED, "background:blurred", Reason.BLURRED,
            "background:defocused", Reason.BLURRED, "background:bubbles", Reason.BUBBLES);

    @TempDir
    static Path tmp;

    private static Path trainRecords;
    private static Path testRecords;
    private static LabelledFeatures train;
    private static LabelledFeatures test;

    @BeforeAll
    static void generateTwoSets() {
        trainRecords = generate("train", 1);
        testRecords = generate("test", 2);
        FrameQualityScorer scorer = new FrameQualityScorer();
        Problems problems = new Problems(BadInputPolicy.FAIL);
        train = LabelledFrames.fromRecords(trainRecords, problems).score(scorer, THREADS, problems, done -> { });
        test = LabelledFrames.fromRecords(testRecords, problems).score(scorer, THREADS, problems, done -> { });
    }

    /** 10 patients with 12 frames of 128 x 128 each, 30 % background: about 120 frames, 36 of them background. */
    private static Path generate(String name, long seed) {
        Path dir = tmp.resolve(name);
        SyntheticColonoscopy.generate(dir, new SyntheticConfig(10, 1, 1, 12, 128, 0.3, 2, seed));
        return dir.resolve(SyntheticColonoscopy.RECORDS_FILE);
    }

    @Test
    void modelTrainedOnOneSeedFindsTheBackgroundFramesOfAnother() {
        LogisticQualityModel model = LogisticQualityModel.fit(train, FrameQualityScorer.DEFAULT_MAX_SIDE);
        double f1 = test.backgroundF1(model);
        System.out.printf(Locale.ROOT, "logistic model (trained on seed 1, %d frames): background F1 %.3f on seed 2 "
                + "(%d frames, %d background)%n", train.size(), f1, test.size(), test.size() - test.informativeCount());
        assertTrue(f1 >= REQUIRED_F1, "background F1 " + f1 + "\n" + test.confusion(model));
    }

    @Test
    void defaultRulesFindTheBackgroundFramesWithoutTraining() {
        double f1 = test.backgroundF1(FrameQualityClassifier.defaults());
        System.out.printf(Locale.ROOT, "default rules: background F1 %.3f on seed 2%n", f1);
        assertTrue(f1 >= REQUIRED_F1, "background F1 " + f1);
    }

    @Test
    void defaultRulesNameTheArtefactOfBackgroundFrames() {
        FrameQualityScorer scorer = new FrameQualityScorer();
        FrameQualityClassifier rules = FrameQualityClassifier.defaults();
        int background = 0;
        int named = 0;
        for (ExamRecord exam : RecordsFile.read(testRecords)) {
            for (FrameRecord frame : exam.frames()) {
                Reason expected = EXPECTED_REASONS.get(frame.label());
                if (expected != null) {
                    background++;
                    FrameDecision decision = rules.decide(
                            scorer.score(ImageFiles.read(RecordsFile.resolve(testRecords, frame.path()))));
                    named += expected == decision.reason() ? 1 : 0;
                }
            }
        }
        System.out.printf(Locale.ROOT, "default rules: %d of %d background frames given their artefact's reason%n",
                named, background);
        assertTrue(background > 0 && named >= REQUIRED_REASONS * background, named + " of " + background);
    }
}
