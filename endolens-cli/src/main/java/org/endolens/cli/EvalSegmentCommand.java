package org.endolens.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.endolens.data.Problems;
import org.endolens.data.readers.Dataset;
import org.endolens.data.readers.Validation;
import org.endolens.tasks.segment.SegmentationEvaluation;
import org.endolens.tasks.segment.SegmentationRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code endolens eval segment}: per-image and data-set Dice/IoU of a trained segmentation run. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Dice and IoU (per image, mean with 95%% bootstrap CI, pooled) of a 'train segment' run, at mask"
                + " resolution.")
final class EvalSegmentCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, description = "The run directory of 'endolens train segment'.")
    Path checkpoint;

    @Option(names = "--split", defaultValue = "test",
            description = "Frame splits to evaluate on, comma-separated, or 'all' (default: ${DEFAULT-VALUE}).")
    String split;

    @Mixin
    EvalOutputOptions output;

    @Mixin
    DatasetOptions data;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        Problems problems = data.problems();
        Dataset dataset = data.read(data.validation(Validation.FILES), problems);
        try (NDManager manager = NDManager.newBaseManager(engine.start())) {
            SegmentationEvaluation.Result r = SegmentationEvaluation.run(SegmentationRun.load(checkpoint, manager), manager,
                    RecordSplits.select(dataset.exams(), split), dataset.root().toAbsolutePath(),
                    output.out, output.seed);
            System.out.printf(Locale.ROOT, "segmentation on %d images: mean Dice %.3f (95%% CI %.3f-%.3f), mean IoU %.3f"
                    + " (95%% CI %.3f-%.3f), pooled Dice %.3f%n", r.images().size(), r.meanDice().estimate(),
                    r.meanDice().low(), r.meanDice().high(), r.meanIou().estimate(), r.meanIou().low(), r.meanIou().high(),
                    r.scores().pooledDice());
            System.out.println(problems.summary());
            System.out.println("report: " + output.out.resolve("report.html").toAbsolutePath());
        }
        return 0;
    }
}
