package org.endolens.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.endolens.EndoLensException;
import org.endolens.cleanse.CleanseResult;
import org.endolens.cleanse.FrameCleanser;
import org.endolens.cleanse.FrameQualityClassifier;
import org.endolens.data.BadInputPolicy;
import org.endolens.data.ExamRecord;
import org.endolens.data.Problems;
import org.endolens.data.RecordsFile;
import org.endolens.metrics.HtmlReport;
import org.endolens.model.ClipModel;
import org.endolens.model.Presets;
import org.endolens.pretrain.AblationArm;
import org.endolens.pretrain.AblationTable;
import org.endolens.pretrain.PretrainConfig;
import org.endolens.pretrain.PretrainStage;
import org.endolens.tasks.FewShot;
import org.endolens.tasks.FewShotEvaluation;
import org.endolens.tasks.ZeroShotEvaluation;
import org.endolens.train.Trainer;
import org.endolens.train.TrainerConfig;
import org.endolens.train.TrainingCheckpoint;
import org.endolens.util.AtomicTextFile;
import org.endolens.util.Json;
import org.endolens.weights.ArchitectureOverrides;
import org.endolens.weights.CheckpointLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code endolens ablation}: the Endo-CLIP ablation on one records file. Per arm (CLIP, + cleansing, + attunement,
 * + unification) and seed: pre-train on the training split (with cleansing: on the frames the stage-1 default
 * classifier keeps, decided from pixels, never from labels), then zero-shot polyp presence AUROC and few-shot
 * (linear probe, k = 1 and 5) presence and attribute accuracy on the val and test splits. Writes one run folder
 * per arm and seed, ablation.json, ablation.md (mean ± std over seeds) and report.html.
 */
@Command(name = "ablation", mixinStandardHelpOptions = true,
        description = {"Endo-CLIP ablation: CLIP vs + cleansing vs + attunement vs + unification, pre-trained per seed on"
            + " the train split and evaluated zero-shot (polyp presence AUROC) and few-shot (k = 1, 5) on val + test.",
            "Writes OUT/<arm>/seed-<n>/, OUT/ablation.md (mean ± std over seeds), OUT/ablation.json, OUT/report.html.",
            "Runs finished before (OUT/<arm>/seed-<n>/ablation-run.json) are reused: rerun the command to resume."})
final class AblationCommand implements Callable<Integer> {
    /** Written when a run is evaluated; a later invocation with the same --out reuses it instead of training again. */
    static final String RUN_METRICS = "ablation-run.json";

    @Option(names = "--records", required = true, description = "Records JSONL file (with train and val/test splits).")
    Path records;

    @Option(names = "--arms", defaultValue = "clip,cleanse,attune,unify", split = ",",
            description = "Arms to run: clip, cleanse, attune, unify (default: ${DEFAULT-VALUE}).")
    List<AblationArm> arms;

    @Option(names = "--seeds", defaultValue = "0,1,2", split = ",", description = "Seeds (default: ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--preset", defaultValue = "endoclip-tiny", description = "Model preset (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--steps", defaultValue = "600", description = "Pre-training steps per run (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--out", defaultValue = "runs/ablation", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        Device device = engine.start();
        long start = System.nanoTime();
        Path folder = records.toAbsolutePath().getParent();
        List<ExamRecord> all = RecordsFile.read(records);
        List<ExamRecord> train = RecordSplits.select(all, "train");
        List<ExamRecord> heldOut = RecordSplits.select(all, "val,test");
        if (train.isEmpty() || heldOut.isEmpty()) {
            throw new EndoLensException(records + ": the ablation needs frames in the train split and in val or test");
        }
        CleanseResult cleansed = new FrameCleanser(FrameQualityClassifier.defaults(), Runtime.getRuntime().availableProcessors())
                .cleanse(records, train, new Problems(BadInputPolicy.FAIL), i -> { });
        List<ExamRecord> kept = cleansed.kept();
        System.out.printf(Locale.ROOT, "stage 1 (default rules) keeps %d of %d training frames%n", frames(kept), frames(train));
        AblationTable table = new AblationTable();
        for (AblationArm arm : arms) {
            for (long seed : seeds) {
                System.out.printf(Locale.ROOT, "%s, seed %d%n", arm.label(), seed);
                table.add(new AblationTable.Run(arm, seed, run(device, arm, seed, arm.stages().contains(PretrainStage.CLEANSE)
                        ? kept : train, heldOut, folder)));
            }
        }
        write(table, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private Map<String, Double> run(Device device, AblationArm arm, long seed, List<ExamRecord> train,
            List<ExamRecord> heldOut, Path folder) {
        Path dir = out.resolve(arm.name().toLowerCase(Locale.ROOT)).resolve("seed-" + seed);
        Path done = dir.resolve(RUN_METRICS);
        if (Files.isRegularFile(done)) {
            System.out.println("   done before: " + done);
            return readMetrics(done);
        }
        // Stage 1 has already chosen the frames: the pre-training's own cleanse stage would filter by labels.
        java.util.Set<PretrainStage> stages = arm.stages();
        stages.remove(PretrainStage.CLEANSE);
        PretrainConfig config = PretrainCommand.defaultBatches(stages);
        TrainerConfig trainer = PretrainCommand.defaultTrainer(steps, lr, seed);
        PretrainCommand.train(device, Presets.load(preset), train, folder, config, trainer, dir, false, List.of(command(List.of(arm), List.of(seed)).split(" ")));
        Map<String, Double> metrics = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager(device)) {
            Path checkpoint = dir.resolve(Trainer.CHECKPOINT).resolve(TrainingCheckpoint.MODEL);
            ClipModel model = (ClipModel) CheckpointLoader.load(checkpoint, null, ArchitectureOverrides.NONE, true, manager).model();
            metrics.put("zero-shot presence AUROC",
                    ZeroShotEvaluation.run(model, manager, heldOut, folder, dir.resolve("zero-shot"), seed).auroc().estimate());
            FewShotEvaluation.Result fewShot = FewShotEvaluation.run(model, manager, train, heldOut, folder,
                    dir.resolve("few-shot"), seed);
            for (FewShotEvaluation.TaskResult task : fewShot.tasks()) {
                for (FewShot.Cell cell : task.cells()) {
                    if (cell.method().equals("linear-probe")) {
                        metrics.put(String.format(Locale.ROOT, "%s %d-shot acc.", task.task(), cell.shots()), cell.meanAccuracy());
                    }
                }
            }
        }
        System.out.println("   " + metrics.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
        AtomicTextFile.write(done, "run metrics", w -> w.write(Json.mapper().writeValueAsString(metrics)));
        return metrics;
    }

    private static Map<String, Double> readMetrics(Path file) {
        try {
            Map<String, Double> metrics = new LinkedHashMap<>();
            Json.mapper().readTree(file.toFile()).fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
            return metrics;
        } catch (IOException e) {
            throw new EndoLensException(file + ": cannot read the metrics of a finished run (" + e.getMessage()
                    + "); delete it to run again", e);
        }
    }

    private String command(List<AblationArm> which, List<Long> seedList) {
        return "endolens ablation --records " + records + " --arms "
                + which.stream().map(a -> a.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","))
                + " --seeds " + seedList.stream().map(String::valueOf).collect(Collectors.joining(","))
                + " --steps " + steps + " --preset " + preset + " --out " + out;
    }

    private void write(AblationTable table, double seconds) {
        Map<AblationArm, String> commands = new LinkedHashMap<>();
        table.arms().forEach(a -> commands.put(a, command(List.of(a), seeds)));
        String md = table.markdown(commands);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new EndoLensException(out + ": cannot create the output folder (" + e.getMessage() + ")", e);
        }
        AtomicTextFile.write(out.resolve("ablation.md"), "ablation table", w -> w.write(md));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("records", records.toString());
        json.put("preset", preset);
        json.put("steps", steps);
        json.put("seeds", seeds);
        json.put("wall_seconds", seconds);
        json.put("command", command(arms, seeds));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AblationTable.Run run : table.runs()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("arm", run.arm().name().toLowerCase(Locale.ROOT));
            row.put("seed", run.seed());
            row.put("metrics", run.metrics());
            rows.add(row);
        }
        json.put("runs", rows);
        AtomicTextFile.write(out.resolve("ablation.json"), "ablation results",
                w -> w.write(Json.mapper().writeValueAsString(json)));
        List<List<?>> htmlRows = new ArrayList<>();
        for (AblationArm arm : table.arms()) {
            List<Object> row = new ArrayList<>(List.of(arm.label()));
            for (String metric : table.metrics()) {
                double[] ms = table.meanStd(arm, metric);
                row.add(String.format(Locale.ROOT, "%.3f ± %.3f", ms[0], ms[1]));
            }
            htmlRows.add(row);
        }
        List<String> header = new ArrayList<>(List.of("arm"));
        header.addAll(table.metrics());
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("command", command(arms, seeds));
        settings.put("seeds", seeds.toString());
        settings.put("wall time", String.format(Locale.ROOT, "%.0f s", seconds));
        new HtmlReport("Endo-CLIP ablation on " + records.getFileName())
                .keyValues(settings)
                .heading("mean ± std over seeds")
                .table(header, htmlRows)
                .write(out.resolve("report.html"));
        System.out.println(md);
        System.out.printf(Locale.ROOT, "ablation: %s (%.0f s)%n", out.resolve("ablation.md").toAbsolutePath(), seconds);
    }

    private static long frames(List<ExamRecord> exams) {
        return exams.stream().mapToLong(e -> e.frames().size()).sum();
    }
}
