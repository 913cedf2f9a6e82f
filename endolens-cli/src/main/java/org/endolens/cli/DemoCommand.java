package org.endolens.cli;

import org.endolens.cleanse.CleanseResult;
import org.endolens.cleanse.FrameCleanser;
import org.endolens.cleanse.FrameQualityClassifier;
import org.endolens.data.BadInputPolicy;
import org.endolens.data.Problems;
import org.endolens.report.RuleAttributeExtractor;
import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.endolens.data.ExamRecord;
import org.endolens.data.synthetic.SyntheticColonoscopy;
import org.endolens.metrics.Charts;
import org.endolens.metrics.HtmlReport;
import org.endolens.model.ClipModel;
import org.endolens.model.Models;
import org.endolens.model.Presets;
import org.endolens.pretrain.FrameCleansing;
import org.endolens.pretrain.PretrainConfig;
import org.endolens.pretrain.PretrainStage;
import org.endolens.tasks.FewShotEvaluation;
import org.endolens.tasks.ZeroShotEvaluation;
import org.endolens.train.StepRecord;
import org.endolens.train.Trainer;
import org.endolens.train.TrainerConfig;
import org.endolens.train.TrainingCheckpoint;
import org.endolens.weights.ArchitectureOverrides;
import org.endolens.weights.CheckpointLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code endolens demo}: the whole pipeline on built-in synthetic data in a few minutes: generate records, cleanse,
 * take the exams' attributes, pre-train a tiny Endo-CLIP on the training patients, and evaluate zero-shot and
 * few-shot on the held-out patients (few-shot also for the untrained model, as the baseline) into one HTML report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the end-to-end Endo-CLIP demo on built-in synthetic data (no downloads, no data needed):",
            "generate records, cleanse, attributes, pre-train endoclip-tiny, zero-shot and few-shot evaluation."})
final class DemoCommand implements Callable<Integer> {
    /** 80 patients, ~1,400 frames at 64 x 64 (the model sees 32 x 32): the demo's size. */
    private static final int PATIENTS = 80;
    private static final int IMAGE_SIZE = 64;

    @Option(names = "--out", defaultValue = "runs/demo", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--steps", defaultValue = "600", description = "Pre-training steps (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        Device device = engine.start();
        long start = System.nanoTime();
        Path data = out.resolve("data");
        System.out.println("1/5 generating synthetic records in " + data.toAbsolutePath());
        List<ExamRecord> exams = SyntheticColonoscopy.generate(data,
                DataSyntheticCommand.config(PATIENTS, 12, IMAGE_SIZE, seed));
        // Held-out evaluation frames come from the generator's ground truth, so the score does not depend on stage 1.
        List<ExamRecord> heldOut = FrameCleansing.dropBackground(RecordSplits.select(exams, "val,test"));
        long frames = exams.stream().mapToLong(e -> e.frames().size()).sum();
        long background = frames - FrameCleansing.dropBackground(exams).stream().mapToLong(e -> e.frames().size()).sum();
        System.out.printf(Locale.ROOT, "   %d patients, %d exams, %d frames (%d background)%n", PATIENTS, exams.size(),
                frames, background);

        FrameQualityClassifier rules = FrameQualityClassifier.defaults();
        CleanseResult cleansed = new FrameCleanser(rules, Runtime.getRuntime().availableProcessors())
                .cleanse(data.resolve(SyntheticColonoscopy.RECORDS_FILE), exams, new Problems(BadInputPolicy.FAIL), i -> { });
        long kept = cleansed.kept().stream().mapToLong(e -> e.frames().size()).sum();
        long keptBackground = kept - FrameCleansing.dropBackground(cleansed.kept()).stream().mapToLong(e -> e.frames().size()).sum();
        String cleanse = String.format(Locale.ROOT, "stage-1 default rules dropped %d of %d frames (%d of them background;"
                + " %d background frames kept)", frames - kept, frames, background - keptBackground, keptBackground);
        System.out.println("2/5 cleanse: " + cleanse);

        RuleAttributeExtractor extractor = new RuleAttributeExtractor();
        List<ExamRecord> attuned = cleansed.kept().stream().map(e -> new ExamRecord(e.patientId(), e.examId(), e.date(),
                e.frames(), e.videos(), e.report(), extractor.extract(e.report()).toJson())).toList();
        long agreeing = attuned.stream().filter(e -> exams.stream().anyMatch(g -> g.examId().equals(e.examId())
                && g.attributes().equals(e.attributes()))).count();
        String attributes = String.format(Locale.ROOT, "rule extractor on the free-text reports (identical to the gold"
                + " attributes for %d of %d exams)", agreeing, attuned.size());
        System.out.println("3/5 attributes: " + attributes);
        List<ExamRecord> train = RecordSplits.select(attuned, "train");
        System.out.printf(Locale.ROOT, "   %d training patients, %d held-out patients%n", patients(train), patients(heldOut));

        System.out.println("4/5 pre-training endoclip-tiny (attune + unify, on the frames stage 1 kept) for " + steps + " steps");
        // Stage 1 already ran above with the real classifier; the pre-training's own cleanse stage would re-filter by
        // the generator's labels.
        PretrainConfig config = PretrainCommand.defaultBatches(PretrainStage.parse("attune,unify"));
        TrainerConfig trainer = PretrainCommand.defaultTrainer(steps, 1e-3, seed);
        Path run = out.resolve("pretrain");
        List<StepRecord> metrics = PretrainCommand.train(device, Presets.load("endoclip-tiny"), train, data, config,
                trainer, run, false, List.of("endolens", "demo", "--steps", Long.toString(steps), "--seed", Long.toString(seed)));

        System.out.println("5/5 evaluating on held-out patients");
        try (NDManager manager = NDManager.newBaseManager(device)) {
            Path checkpoint = run.resolve(Trainer.CHECKPOINT).resolve(TrainingCheckpoint.MODEL);
            ClipModel model = (ClipModel) CheckpointLoader.load(checkpoint, null, ArchitectureOverrides.NONE, true, manager).model();
            ZeroShotEvaluation.Result zeroShot = ZeroShotEvaluation.run(model, manager, heldOut, data,
                    out.resolve("zero-shot"), seed);
            FewShotEvaluation.Result fewShot = FewShotEvaluation.run(model, manager, train,
                    heldOut, data, out.resolve("few-shot"), seed);
            Engine.getInstance().setRandomSeed((int) seed);
            ClipModel untrained = (ClipModel) Models.create(Presets.load("endoclip-tiny"), manager);
            // The untrained model's zero-shot AUROC says nothing (its "polyp" and "no polyps" texts point in random
            // directions), but a linear probe on its features is the baseline pre-training must beat.
            FewShotEvaluation.Result before = FewShotEvaluation.run(untrained, manager, train, heldOut, data,
                    out.resolve("few-shot-untrained"), seed);
            System.out.printf(Locale.ROOT, "zero-shot polyp presence: AUROC %.3f (95%% CI %.3f-%.3f) on %d frames"
                    + " (chance 0.5)%n", zeroShot.auroc().estimate(), zeroShot.auroc().low(), zeroShot.auroc().high(),
                    zeroShot.frames());
            EvalFewShotCommand.print(fewShot);
            String baseline = String.format(Locale.ROOT, "presence %.3f, morphology %.3f (linear probe, k = 5) after"
                    + " pre-training; %.3f and %.3f with the untrained encoder", probe(fewShot, "presence"),
                    probe(fewShot, "morphology"), probe(before, "presence"), probe(before, "morphology"));
            System.out.println("few-shot: " + baseline);

            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("data", PATIENTS + " synthetic patients, " + exams.size() + " exams, " + frames + " frames");
            summary.put("cleanse", cleanse);
            summary.put("attributes", attributes);
            summary.put("model", "endoclip-tiny, " + steps + " steps, stage-1 cleansed frames, stages attune + unify");
            summary.put("final loss", String.format(Locale.ROOT, "%.4f", metrics.get(metrics.size() - 1).loss()));
            summary.put("few-shot accuracy", baseline);
            summary.put("wall time", String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - start) / 1e9));
            double[][] curve = {metrics.stream().mapToDouble(StepRecord::step).toArray(),
                metrics.stream().mapToDouble(StepRecord::loss).toArray()};
            HtmlReport report = new HtmlReport("EndoLens demo: Endo-CLIP on synthetic colonoscopy")
                    .keyValues(summary)
                    .image("pre-training loss", Charts.lines("Pre-training loss", "step", "loss", Map.of("loss", curve), false));
            ZeroShotEvaluation.section(report, zeroShot);
            FewShotEvaluation.section(report, fewShot);
            report.write(out.resolve("report.html"));
        }
        System.out.println("report: " + out.resolve("report.html").toAbsolutePath());
        return 0;
    }

    /** Mean linear-probe accuracy at k = 5 of {@code task} (NaN when the task did not run). */
    private static double probe(FewShotEvaluation.Result result, String task) {
        return result.tasks().stream().filter(t -> t.task().equals(task)).flatMap(t -> t.cells().stream())
                .filter(c -> c.method().equals("linear-probe") && c.shots() == 5)
                .mapToDouble(org.endolens.tasks.FewShot.Cell::meanAccuracy).findFirst().orElse(Double.NaN);
    }

    private static long patients(List<ExamRecord> exams) {
        return exams.stream().map(ExamRecord::patientId).distinct().count();
    }
}
