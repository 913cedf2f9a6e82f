package org.endolens.pretrain;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.endolens.EndoLensException;
import org.endolens.data.BadInputPolicy;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.data.loader.DataLoader;
import org.endolens.data.loader.FrameExamples;
import org.endolens.data.loader.LoaderConfig;
import org.endolens.data.transform.Interpolation;
import org.endolens.data.transform.Normalize;
import org.endolens.data.transform.RandomFlip;
import org.endolens.data.transform.RandomResizedCrop;
import org.endolens.data.transform.SampleViews;
import org.endolens.data.transform.Transform;
import org.endolens.model.ClipModel;
import org.endolens.train.StepRecord;
import org.endolens.train.Trainer;
import org.endolens.train.TrainerConfig;
import org.endolens.text.Tokenizer;
import org.endolens.text.Tokenizers;
import org.endolens.util.Json;

/**
 * Pre-trains a CLIP or Endo-CLIP model on records: per-patient batches of augmented frames (random resized crop
 * at scale 0.5–1, horizontal flip, CLIP normalisation), each frame labelled with its exam so
 * {@link EndoClipObjective} can find its report and prompts, run by the shared {@link Trainer}.
 */
public final class EndoClipPretraining {
    /** open_clip's default lower crop scale is 0.9; endoscopy frames tolerate stronger cropping. */
    public static final double MIN_CROP_SCALE = 0.5;

    private EndoClipPretraining() {}

    /**
     * Trains {@code model} (parameters on {@code manager}) on {@code records}, without background frames when the
     * config has CLEANSE, writes the resolved config to {@code runDir/pretrain.json} and returns the metrics of the
     * steps run.
     */
    public static List<StepRecord> run(ClipModel model, NDManager manager, List<ExamRecord> records, Path folder,
            PretrainConfig config, TrainerConfig trainer, Path runDir, boolean resume, List<String> command,
            Trainer.Listener listener) {
        return run(model, manager, records, folder, config, trainer, runDir, resume, command, listener,
                Tokenizers.forTower(model.config().text(), null));
    }

    /** As above, with the tokenizer of the model's text tower. */
    public static List<StepRecord> run(ClipModel model, NDManager manager, List<ExamRecord> records, Path folder,
            PretrainConfig config, TrainerConfig trainer, Path runDir, boolean resume, List<String> command,
            Trainer.Listener listener, Tokenizer tokenizer) {
        try {
            Files.createDirectories(runDir);
            Json.mapper().writeValue(runDir.resolve("pretrain.json").toFile(), config);
        } catch (IOException e) {
            throw new EndoLensException(runDir + ": cannot write pretrain.json (" + e.getMessage() + ")", e);
        }
        try (EndoClipObjective objective = objective(model, records, folder, config, trainer.seed(), tokenizer)) {
            return new Trainer(trainer).fit(model, model.config(), manager, objective, runDir, resume, command, listener);
        }
    }

    /** The objective over {@code records}' frames (cleansed when the config says so); close it to stop its loader. */
    public static EndoClipObjective objective(ClipModel model, List<ExamRecord> records, Path folder,
            PretrainConfig config, long seed, Tokenizer tokenizer) {
        List<ExamRecord> exams = config.has(PretrainStage.CLEANSE) ? FrameCleansing.dropBackground(records) : records;
        List<ExamRecord> byExam = new ArrayList<>();
        List<ExamText> texts = new ArrayList<>();
        List<String> examIds = new ArrayList<>();
        for (ExamRecord exam : exams) {
            byExam.add(new ExamRecord(exam.patientId(), exam.examId(), exam.date(), exam.frames().stream()
                    .map(f -> new FrameRecord(f.id(), f.path(), f.timeS(), exam.examId(), null, List.of(), f.split()))
                    .toList(), List.of(), exam.report(), exam.attributes()));
            texts.add(ExamText.of(exam));
            examIds.add(exam.examId());
        }
        int size = model.config().vision().imageSize();
        SampleViews views = SampleViews.single(Transform.compose(
                new RandomResizedCrop(size, MIN_CROP_SCALE, 1.0, Interpolation.BICUBIC),
                RandomFlip.horizontal(), Normalize.clip()));
        FrameExamples frames = new FrameExamples(byExam, folder, views, examIds, FrameExamples.GroupBy.PATIENT);
        LoaderConfig loader = LoaderConfig.of(config.patientsPerBatch(), seed)
                .groupedBy(config.patientsPerBatch(), config.framesPerPatient())
                .withDropLast(exams.stream().map(ExamRecord::patientId).distinct().count() > config.patientsPerBatch());
        LoaderSteps batches = new LoaderSteps(new DataLoader(frames, loader, new Problems(BadInputPolicy.FAIL)));
        return new EndoClipObjective(model, config, batches, texts, tokenizer);
    }
}
