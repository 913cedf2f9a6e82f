package org.endolens.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.endolens.data.Problems;
import org.endolens.data.readers.Dataset;
import org.endolens.data.readers.Validation;
import org.endolens.tasks.detect.DetectionEvaluation;
import org.endolens.tasks.detect.DetectionRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code endolens eval detect}: precision, recall, F1 and COCO mAP of a trained detection run. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Detection metrics of a 'train detect' run in each image's own pixels: precision, recall and F1 at",
            "IoU 0.5 and a fixed score threshold (95% bootstrap CI for F1), best-F1 threshold, AP50, AP75, COCO mAP@[.5:.95]."})
final class EvalDetectCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, description = "The run directory of 'endolens train detect'.")
    Path checkpoint;

    @Option(names = "--split", defaultValue = "test",
            description = "Frame splits to evaluate on, comma-separated, or 'all' (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--score-threshold", defaultValue = "0.3",
            description = "Operating point for precision, recall and F1 (default: ${DEFAULT-VALUE}, CenterNet's).")
    double scoreThreshold;

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
            DetectionEvaluation.Result r = DetectionEvaluation.run(DetectionRun.load(checkpoint, manager), manager,
                    RecordSplits.select(dataset.exams(), split), dataset.root().toAbsolutePath(), output.out,
                    scoreThreshold, output.seed);
            System.out.printf(Locale.ROOT, "detection on %d images: F1 %.3f (95%% CI %.3f-%.3f), precision %.3f, recall %.3f"
                    + " at score >= %.2f, IoU 0.5; best F1 %.3f at score >= %.3f; AP50 %.3f, mAP@[.5:.95] %.3f%n",
                    r.images().size(), r.atThreshold().f1(), r.f1().low(), r.f1().high(), r.atThreshold().precision(),
                    r.atThreshold().recall(), r.scoreThreshold(), r.bestF1().f1(), r.bestThreshold(), r.ap50(), r.map());
            System.out.println(problems.summary());
            System.out.println("report: " + output.out.resolve("report.html").toAbsolutePath());
        }
        return 0;
    }
}
