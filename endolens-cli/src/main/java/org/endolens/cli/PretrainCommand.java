package org.endolens.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.endolens.data.ExamRecord;
import org.endolens.data.RecordsFile;
import org.endolens.model.ClipModel;
import org.endolens.model.ModelConfig;
import org.endolens.model.Models;
import org.endolens.model.Presets;
import org.endolens.pretrain.EndoClipPretraining;
import org.endolens.pretrain.FrameCleansing;
import org.endolens.pretrain.PatientAttentionGraft;
import org.endolens.pretrain.PretrainConfig;
import org.endolens.pretrain.PretrainStage;
import org.endolens.train.StepRecord;
import org.endolens.train.Trainer;
import org.endolens.train.TrainerConfig;
import org.endolens.train.TrainingCheckpoint;
import org.endolens.text.Tokenizer;
import org.endolens.text.Tokenizers;
import org.endolens.util.AtomicTextFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import java.util.Map;
import org.endolens.metrics.Charts;
import org.endolens.metrics.HtmlReport;

/**
 * {@code endolens pretrain}: Endo-CLIP (or plain CLIP) pre-training on a records file, frames against their exam's
 * report, with the optional cleanse, attune and unify stages; writes metrics.jsonl and a resumable checkpoint.
 */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = {"Pre-train CLIP or Endo-CLIP on raw records (frames + free-text reports + attributes).",
            "Writes OUT/metrics.jsonl, OUT/checkpoint/ (resumable with --resume) and OUT/report.html (loss curves)."})
final class PretrainCommand implements Callable<Integer> {
    @Option(names = "--records", required = true, description = "Records JSONL file.")
    Path records;

    @Option(names = "--split", defaultValue = "train",
            description = "Frame splits to train on, comma-separated, or 'all' (default: ${DEFAULT-VALUE}).")
    String split;

    @Parameters(index = "0", arity = "0..1", paramLabel = "clip|endoclip", defaultValue = "endoclip",
            description = "clip: frame-report contrast only (--stages none); endoclip: all three stages (default).")
    String objective;

    @Option(names = "--stages", description = "Stages on top of frame-report contrast: cleanse, attune, unify, or none"
            + " (default: none for clip, cleanse,attune,unify for endoclip).")
    String stages;

    @Option(names = "--cleansed", description = "Records file from stage 1: only its non-background frames are kept.")
    Path cleansed;

    @Option(names = "--preset", defaultValue = "endoclip-tiny", description = "Model preset or config .json (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--steps", defaultValue = "600", description = "Training steps (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--warmup", defaultValue = "40", description = "Linear warm-up steps (default: ${DEFAULT-VALUE}).")
    long warmup;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--weight-decay", defaultValue = "0.1", description = "AdamW weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--patients-per-batch", defaultValue = "8", description = "Patients per batch (default: ${DEFAULT-VALUE}).")
    int patientsPerBatch;

    @Option(names = "--frames-per-patient", defaultValue = "4",
            description = "Most frames of one patient in a batch (default: ${DEFAULT-VALUE}).")
    int framesPerPatient;

    @Option(names = "--checkpoint-every", defaultValue = "100", description = "Checkpoint interval in steps (default: ${DEFAULT-VALUE}).")
    long checkpointEvery;

    @Option(names = "--out", defaultValue = "runs/pretrain", description = "Run directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--resume", description = "Continue from --out's checkpoint when there is one.")
    boolean resume;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--init", description = {"Start from this checkpoint instead of a random --preset: an EndoLens"
            + " checkpoint or run directory, or an open_clip / HF CLIP file (with --layout, --heads, --text-heads,"
            + " --quick-gelu as for 'convert'). With the unify stage a plain CLIP model gets a new patient cross-attention."})
    Path init;

    @Option(names = "--tokenizer", description = {"The text tower's Hugging Face tokenizer.json (needed for imported"
            + " open_clip / HF CLIP towers; default: the byte-level tokenizer of the EndoLens presets). Copied into --out."})
    Path tokenizer;

    @Mixin
    CheckpointOptions checkpointOptions;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        Device device = engine.start();
        if (!objective.equals("clip") && !objective.equals("endoclip")) {
            throw new IllegalArgumentException("unknown objective '" + objective + "'; expected clip or endoclip");
        }
        if (stages == null) {
            stages = objective.equals("clip") ? "none" : "cleanse,attune,unify";
        }
        PretrainConfig config = new PretrainConfig(PretrainStage.parse(stages), patientsPerBatch, framesPerPatient);
        List<ExamRecord> exams = RecordSplits.select(RecordsFile.read(records), split);
        if (cleansed != null) {
            exams = FrameCleansing.keepListed(exams, RecordsFile.read(cleansed));
        }
        TrainerConfig trainer = new TrainerConfig(steps, warmup, lr, lr / 100, weightDecay, 1.0, checkpointEvery, 1, seed);
        List<String> command = new ArrayList<>(List.of("endolens", "pretrain"));
        command.addAll(List.of("--records", records.toString(), "--stages", stages, "--steps", Long.toString(steps)));
        if (init != null) {
            command.addAll(List.of("--init", init.toString()));
        }
        ModelFactory factory = init == null ? manager -> create(Presets.load(preset), manager) : manager -> {
            ClipModel loaded = EvalCommand.load(checkpointOptions, init, manager);
            return config.has(PretrainStage.UNIFY)
                    ? PatientAttentionGraft.apply(loaded, PatientAttentionGraft.defaultHeads(loaded), manager) : loaded;
        };
        Path tokenizerFile = Tokenizers.fileFor(tokenizer, init);
        if (tokenizerFile != null && !tokenizerFile.toAbsolutePath().equals(out.resolve(Tokenizers.FILE).toAbsolutePath())) {
            AtomicTextFile.copy(tokenizerFile, out.resolve(Tokenizers.FILE), "the tokenizer");
        }
        List<StepRecord> metrics = train(device, factory, exams, records.toAbsolutePath().getParent(), config,
                trainer, out, resume, command, tokenizerFile);
        if (!metrics.isEmpty()) {
            System.out.printf(Locale.ROOT, "final loss %.4f after %d steps%n", metrics.get(metrics.size() - 1).loss(),
                    metrics.get(metrics.size() - 1).step());
        }
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("records", records.toString());
        settings.put("objective", objective + " (stages: " + stages + ")");
        settings.put("model", init != null ? init.toString() : preset);
        settings.put("steps", Long.toString(steps));
        settings.put("seed", Long.toString(seed));
        writeReport(out, settings);
        System.out.println("checkpoint: " + out.resolve(Trainer.CHECKPOINT).resolve(TrainingCheckpoint.MODEL).toAbsolutePath());
        System.out.println("report: " + out.resolve("report.html").toAbsolutePath());
        return 0;
    }

    /** {@code runDir/report.html}: the settings and the loss and learning-rate curves of every step run so far. */
    static void writeReport(Path runDir, Map<String, String> settings) {
        List<StepRecord> all = Trainer.readMetrics(runDir);
        double[] steps = all.stream().mapToDouble(StepRecord::step).toArray();
        HtmlReport report = new HtmlReport("EndoLens pre-training: " + runDir.getFileName()).keyValues(settings);
        if (steps.length > 0) {
            report.image("loss", Charts.lines("Pre-training loss", "step", "loss",
                    Map.of("loss", new double[][] {steps, all.stream().mapToDouble(StepRecord::loss).toArray()}), false))
                    .image("learning rate", Charts.lines("Learning rate", "step", "lr",
                            Map.of("lr", new double[][] {steps, all.stream().mapToDouble(StepRecord::lr).toArray()}), false));
        }
        report.write(runDir.resolve("report.html"));
    }

    /** The defaults of this command for a run of {@code steps}: warm-up steps/15, lr to lr/100, weight decay 0.1. */
    static TrainerConfig defaultTrainer(long steps, double lr, long seed) {
        return new TrainerConfig(steps, Math.max(1, steps / 15), lr, lr / 100, 0.1, 1.0, steps, 1, seed);
    }

    /** The default batch of 8 patients x 4 frames with {@code stages}. */
    static PretrainConfig defaultBatches(java.util.Set<PretrainStage> stages) {
        return new PretrainConfig(stages, 8, 4);
    }

    /** Builds (or loads) the model to pre-train, its parameters on the given manager. */
    interface ModelFactory {
        ClipModel create(NDManager manager);
    }

    /** Builds {@code modelConfig} and trains it with a console progress bar; shared with demo and ablation. */
    static List<StepRecord> train(Device device, ModelConfig modelConfig, List<ExamRecord> exams, Path folder,
            PretrainConfig config, TrainerConfig trainer, Path runDir, boolean resume, List<String> command) {
        return train(device, manager -> create(modelConfig, manager), exams, folder, config, trainer, runDir, resume,
                command, null);
    }

    /** Trains the model {@code factory} makes (seeded), texts through {@code tokenizerFile} or the byte-level default. */
    static List<StepRecord> train(Device device, ModelFactory factory, List<ExamRecord> exams, Path folder,
            PretrainConfig config, TrainerConfig trainer, Path runDir, boolean resume, List<String> command,
            Path tokenizerFile) {
        Engine.getInstance().setRandomSeed((int) trainer.seed());
        try (NDManager manager = NDManager.newBaseManager(device);
                TrainingProgress progress = new TrainingProgress("pretrain", trainer.steps())) {
            ClipModel model = factory.create(manager);
            Tokenizer tokenizer = Tokenizers.forTower(model.config().text(), tokenizerFile);
            return EndoClipPretraining.run(model, manager, exams, folder, config, trainer, runDir, resume, command,
                    progress, tokenizer);
        }
    }

    private static ClipModel create(ModelConfig modelConfig, NDManager manager) {
        if (!(Models.create(modelConfig, manager) instanceof ClipModel model)) {
            throw new IllegalArgumentException("model " + modelConfig.name() + " is not a CLIP model; pre-training needs"
                    + " an image and a text tower (e.g. --preset endoclip-tiny)");
        }
        return model;
    }
}
