package org.endolens.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.endolens.data.RecordsFile;
import org.endolens.model.ClipModel;
import org.endolens.tasks.PresencePrompts;
import org.endolens.tasks.ZeroShotEvaluation;
import org.endolens.text.Tokenizers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code endolens eval zero-shot}: polyp presence AUROC from prompts alone, with a bootstrap interval. */
@Command(name = "zero-shot", aliases = "zeroshot", mixinStandardHelpOptions = true,
        description = "Zero-shot polyp presence (polyp vs normal frames) AUROC with a 95%% bootstrap interval.")
final class EvalZeroShotCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, description = "Checkpoint directory/file or pretrain run directory.")
    Path checkpoint;

    @Option(names = "--records", required = true, description = "Records JSONL file.")
    Path records;

    @Option(names = "--split", defaultValue = "val,test",
            description = "Frame splits to evaluate on, comma-separated, or 'all' (default: ${DEFAULT-VALUE}).")
    String split;

    @Mixin
    EvalOutputOptions output;

    @Option(names = "--prompts", defaultValue = "VOCABULARY", description = {"VOCABULARY: 'a polyp' vs 'no polyps', the"
            + " words EndoLens pre-training uses (for models pre-trained here); TEMPLATES: CLIP-style sentence templates"
            + " ensembled (for imported CLIP models). Default: ${DEFAULT-VALUE}."})
    PresencePrompts prompts;

    @Option(names = "--tokenizer", description = {"The text tower's Hugging Face tokenizer.json (default: the one a"
            + " pre-training run kept in --checkpoint, else the byte-level tokenizer of the EndoLens presets)."})
    Path tokenizer;

    @Mixin
    CheckpointOptions checkpointOptions;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        try (NDManager manager = NDManager.newBaseManager(engine.start())) {
            ClipModel model = EvalCommand.load(checkpointOptions, checkpoint, manager);
            ZeroShotEvaluation.Result r = ZeroShotEvaluation.run(model, manager,
                    RecordSplits.select(RecordsFile.read(records), split), records.toAbsolutePath().getParent(),
                    output.out, output.seed, prompts,
                    Tokenizers.forTower(model.config().text(), Tokenizers.fileFor(tokenizer, checkpoint)));
            System.out.printf(Locale.ROOT, "zero-shot polyp presence: AUROC %.3f (95%% CI %.3f-%.3f) on %d frames%n",
                    r.auroc().estimate(), r.auroc().low(), r.auroc().high(), r.frames());
            System.out.println("report: " + output.out.resolve("report.html").toAbsolutePath());
        }
        return 0;
    }
}
