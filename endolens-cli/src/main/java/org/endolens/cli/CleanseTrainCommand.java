package org.endolens.cli;

import org.endolens.cleanse.FrameQualityScorer;
import org.endolens.cleanse.LabelledFeatures;
import org.endolens.cleanse.LabelledFrames;
import org.endolens.cleanse.LogisticQualityModel;
import org.endolens.data.BadInputPolicy;
import org.endolens.data.Problems;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code endolens cleanse train}: fits the frame-quality logistic model to frames labelled informative/background. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Fit a logistic regression on the frame-quality features of labelled frames (class-balanced, "
                + "L2 " + LogisticQualityModel.DEFAULT_L2 + ") and save it as JSON for 'endolens cleanse --model'.",
            "Labels come from a CSV with the header path,label (informative|1, background|0; paths relative to the "
                    + "CSV) or from a records file whose frame labels are background:<kind> for background frames "
                    + "(other labels count as informative, unlabelled frames are left out)."})
final class CleanseTrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--labels", paramLabel = "CSV", description = "Labelled frames: path,label per line.")
    Path labels;

    @Option(names = "--records", paramLabel = "FILE", description = "Records JSONL whose frame labels to learn from.")
    Path records;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Model JSON to write (atomically).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Decode and scoring threads (default: one per core).")
    Integer threads;

    @Option(names = "--on-bad-input", defaultValue = "skip", paramLabel = "skip|fail",
            description = "An unreadable frame or bad label: skip (default) reports it and leaves it out; fail stops.")
    BadInputPolicy onBadInput;

    @Override
    public Integer call() {
        if ((labels == null) == (records == null)) {
            throw new ParameterException(spec.commandLine(), "give either --labels CSV or --records FILE");
        }
        Problems problems = new Problems(onBadInput);
        LabelledFrames frames = labels != null ? LabelledFrames.fromCsv(labels, problems)
                : LabelledFrames.fromRecords(records, problems);
        FrameQualityScorer scorer = new FrameQualityScorer();
        LabelledFeatures data = frames.score(scorer, CleanseCommand.threadCount(threads), problems,
                CleanseCommand.progress("scoring", frames.size()));
        LogisticQualityModel model = LogisticQualityModel.fit(data, scorer.maxSide());
        model.save(out);
        PrintWriter console = spec.commandLine().getOut();
        console.println("trained on " + model.trainedOn().informative() + " informative and "
                + model.trainedOn().background() + " background frames of " + frames.source());
        console.println(String.format(Locale.ROOT, "background-frame F1 on the training frames: %.3f",
                data.backgroundF1(model)));
        console.println("wrote " + out);
        console.println(problems.summary());
        console.flush();
        return 0;
    }
}
