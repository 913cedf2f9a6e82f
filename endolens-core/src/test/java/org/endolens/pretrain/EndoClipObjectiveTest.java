package org.endolens.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.endolens.data.ExamRecord;
import org.endolens.data.synthetic.SyntheticColonoscopy;
import org.endolens.data.synthetic.SyntheticConfig;
import org.endolens.model.ClipModel;
import org.endolens.model.Models;
import org.endolens.model.Presets;
import org.endolens.train.Gradients;
import org.endolens.train.StepRecord;
import org.endolens.train.TrainerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Endo-CLIP's objective trains every tower its stages touch, and a short pre-training run learns. */
class EndoClipObjectiveTest {
    @TempDir
    static Path data;
    static List<ExamRecord> exams;

    @BeforeAll
    static void generate() {
        exams = SyntheticColonoscopy.generate(data, SyntheticConfig.tiny());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "cleanse", "attune", "unify", "cleanse,attune", "cleanse,unify", "attune,unify",
        "cleanse,attune,unify"})
    void everyStageCombinationGivesAFiniteLossAndGradients(String stages) {
        PretrainConfig config = new PretrainConfig(PretrainStage.parse(stages), 2, 4);
        Engine.getInstance().setRandomSeed(0);
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = (ClipModel) Models.create(Presets.load("endoclip-tiny"), manager);
            try (EndoClipObjective objective = EndoClipPretraining.objective(model, exams, data, config, 0, new org.endolens.text.ByteLevelTokenizer());
                    NDManager scope = manager.newSubManager()) {
                float loss;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray value = objective.loss(new ParameterStore(manager, false), 0, scope);
                    collector.backward(value);
                    loss = value.getFloat();
                }
                assertTrue(Float.isFinite(loss) && loss > 0, stages + ": loss " + loss);
                Map<String, NDArray> grads = Gradients.collect(model.stateParameters(), scope);
                assertTrue(gradNorm(grads, "visual.") > 0, stages + ": no gradient reaches the image tower");
                assertTrue(gradNorm(grads, "text.") > 0 || gradNorm(grads, "token_embedding") > 0,
                        stages + ": no gradient reaches the text tower");
                assertEquals(config.has(PretrainStage.UNIFY), gradNorm(grads, "patient_attention.") > 0,
                        stages + ": patient attention gradient");
                Gradients.zero(model.stateParameters());
            }
        }
    }

    @Test
    void thirtyStepsOfPretrainingLowerTheLoss(@TempDir Path run) {
        PretrainConfig config = new PretrainConfig(PretrainStage.parse("cleanse,attune,unify"), 2, 3);
        TrainerConfig trainer = new TrainerConfig(30, 3, 2e-3, 1e-5, 0.05, 1.0, 30, 1, 0);
        List<StepRecord> records = new ArrayList<>();
        Engine.getInstance().setRandomSeed(0);
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = (ClipModel) Models.create(Presets.load("endoclip-tiny"), manager);
            EndoClipPretraining.run(model, manager, exams, data, config, trainer, run, false, List.of("test"), records::add);
        }
        assertEquals(30, records.size());
        double first = records.subList(0, 5).stream().mapToDouble(StepRecord::loss).average().orElseThrow();
        double last = records.subList(25, 30).stream().mapToDouble(StepRecord::loss).average().orElseThrow();
        assertTrue(last < 0.8 * first, "loss went from " + first + " to " + last);
        assertTrue(run.resolve("checkpoint").toFile().isDirectory(), "no checkpoint written");
    }

    private static double gradNorm(Map<String, NDArray> grads, String prefix) {
        return grads.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToDouble(e -> e.getValue().abs().sum().getFloat()).sum();
    }
}
