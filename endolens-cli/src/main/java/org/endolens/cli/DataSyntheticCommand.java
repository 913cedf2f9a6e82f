package org.endolens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.endolens.data.ExamRecord;
import org.endolens.data.synthetic.SyntheticColonoscopy;
import org.endolens.data.synthetic.SyntheticConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code endolens data synthetic}: the demo's procedural colonoscopy records, at any size. */
@Command(name = "synthetic", mixinStandardHelpOptions = true,
        description = {"Generate synthetic colonoscopy records: patients with exams of frames (polyps of known size,"
            + " shape, position and colour on mucosa-like texture; background frames: blurred, dark, over-exposed,"
            + " bubbles), masks, boxes, a free-text report and gold attributes per exam. Same seed, same data.",
            "Writes OUT/records.jsonl, OUT/images/ and OUT/masks/."})
final class DataSyntheticCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--patients", defaultValue = "80", description = "Patients (default: ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--frames-per-exam", defaultValue = "12", description = "Frames per exam (default: ${DEFAULT-VALUE}).")
    int framesPerExam;

    @Option(names = "--image-size", defaultValue = "64", description = "Frame side in pixels (default: ${DEFAULT-VALUE}).")
    int imageSize;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    /** 1-2 exams per patient, a quarter of each exam's frames background, up to 3 polyp entries: as the demo. */
    static SyntheticConfig config(int patients, int framesPerExam, int imageSize, long seed) {
        return new SyntheticConfig(patients, 1, 2, framesPerExam, imageSize, 0.25, 3, seed);
    }

    @Override
    public Integer call() {
        List<ExamRecord> exams = SyntheticColonoscopy.generate(out, config(patients, framesPerExam, imageSize, seed));
        PrintWriter w = spec.commandLine().getOut();
        w.printf("wrote %s: %d synthetic exams of %d patients, %d frames%n", out.resolve(SyntheticColonoscopy.RECORDS_FILE),
                exams.size(), patients, exams.stream().mapToLong(e -> e.frames().size()).sum());
        w.flush();
        return 0;
    }
}
