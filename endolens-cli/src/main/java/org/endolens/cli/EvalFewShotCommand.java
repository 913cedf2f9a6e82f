package org.endolens.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.endolens.data.ExamRecord;
import org.endolens.data.RecordsFile;
import org.endolens.model.ClipModel;
import org.endolens.tasks.FewShot;
import org.endolens.tasks.FewShotEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code endolens eval few-shot}: k-shot presence and morphology accuracy on frozen image embeddings. */
@Command(name = "few-shot", aliases = "fewshot", mixinStandardHelpOptions = true,
        description = "Few-shot (k = 1, 2, 4, 8, 16 by default; 3 draws each) polyp presence and morphology with a"
                + " linear probe and prototypes.")
final class EvalFewShotCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, description = "Checkpoint directory/file or pretrain run directory.")
    Path checkpoint;

    @Option(names = "--records", required = true, description = "Records JSONL file.")
    Path records;

    @Option(names = "--train-split", defaultValue = "train", description = "Splits the shots come from (default: ${DEFAULT-VALUE}).")
    String trainSplit;

    @Option(names = "--test-split", defaultValue = "val,test", description = "Splits to evaluate on (default: ${DEFAULT-VALUE}).")
    String testSplit;

    @Option(names = "--shots", defaultValue = "1,2,4,8,16", split = ",",
            description = "Examples per class, k (default: ${DEFAULT-VALUE}).")
    int[] shots;

    @Option(names = "--seeds", defaultValue = "3", description = "Draws of the k examples per cell (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Mixin
    EvalOutputOptions output;

    @Mixin
    CheckpointOptions checkpointOptions;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        try (NDManager manager = NDManager.newBaseManager(engine.start())) {
            ClipModel model = EvalCommand.load(checkpointOptions, checkpoint, manager);
            List<ExamRecord> exams = RecordsFile.read(records);
            FewShotEvaluation.Result result = FewShotEvaluation.run(model, manager, RecordSplits.select(exams, trainSplit),
                    RecordSplits.select(exams, testSplit), records.toAbsolutePath().getParent(),
                    output.out, output.seed, shots, seeds);
            print(result);
            System.out.println("report: " + output.out.resolve("report.html").toAbsolutePath());
        }
        return 0;
    }

    /** One line per task, method and k: mean ± sd accuracy over the seeds. */
    static void print(FewShotEvaluation.Result result) {
        for (FewShotEvaluation.TaskResult task : result.tasks()) {
            for (FewShot.Cell cell : task.cells()) {
                System.out.printf(Locale.ROOT, "few-shot %-10s %-12s k=%d: accuracy %.3f ± %.3f%n", task.task(),
                        cell.method(), cell.shots(), cell.meanAccuracy(), cell.stdAccuracy());
            }
        }
    }
}
