package org.endolens.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.endolens.data.Problems;
import org.endolens.data.readers.Dataset;
import org.endolens.data.readers.Validation;
import org.endolens.tasks.ImageEmbedder;
import org.endolens.tasks.RetrievalEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code endolens eval retrieval}: image→image (same patient/sequence) and, for CLIP, text→image retrieval. */
@Command(name = "retrieval", mixinStandardHelpOptions = true,
        description = {"Image->image and (CLIP) text->image retrieval: Recall@1/5/10 and MRR.",
            "Image->image: the other frames of the query's patient are relevant (CVC-ClinicDB: its sequence).",
            "Text->image: a report retrieves its exam's frames, a label's prompts the frames with that label."})
final class EvalRetrievalCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true,
            description = "Checkpoint directory/file (ViT or CLIP), or a pretrain/segmentation run directory.")
    Path checkpoint;

    @Option(names = "--split", defaultValue = "all",
            description = "Frame splits to evaluate on, comma-separated, or 'all' (default: ${DEFAULT-VALUE}).")
    String split;

    @Mixin
    EvalOutputOptions output;

    @Mixin
    DatasetOptions data;

    @Mixin
    CheckpointOptions checkpointOptions;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        Problems problems = data.problems();
        Dataset dataset = data.read(data.validation(Validation.FILES), problems);
        try (NDManager manager = NDManager.newBaseManager(engine.start())) {
            ImageEmbedder embedder = ImageEmbedder.of(EvalCommand.loadAny(checkpointOptions, checkpoint, manager), manager);
            RetrievalEvaluation.Result result = RetrievalEvaluation.run(embedder,
                    RecordSplits.select(dataset.exams(), split), dataset.root().toAbsolutePath(),
                    output.out, output.seed);
            for (RetrievalEvaluation.Direction d : result.directions()) {
                System.out.printf(Locale.ROOT, "%s: R@1 %.3f (95%% CI %.3f-%.3f), R@5 %.3f, R@10 %.3f, MRR %.3f, %d queries%n",
                        d.name(), d.recall()[0], d.recallAt1().low(), d.recallAt1().high(), d.recall()[1], d.recall()[2],
                        d.mrr(), d.queries());
            }
            System.out.println(problems.summary());
            System.out.println("report: " + output.out.resolve("report.html").toAbsolutePath());
        }
        return 0;
    }
}
