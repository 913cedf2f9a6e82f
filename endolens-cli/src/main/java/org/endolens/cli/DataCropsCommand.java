package org.endolens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import org.endolens.data.ExamRecord;
import org.endolens.data.Problems;
import org.endolens.data.RecordsFile;
import org.endolens.data.crops.MaskCropRecords;
import org.endolens.data.readers.Dataset;
import org.endolens.data.readers.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code endolens data crops}: Endo-CLIP-style records (crops, reports, attributes) from a masked data set. */
@Command(name = "crops", mixinStandardHelpOptions = true,
        description = {"Build records for Endo-CLIP pre-training and zero-shot evaluation on real frames from a data set"
            + " with masks (patients = its exams, e.g. CVC-ClinicDB sequences): per frame a crop that contains the"
            + " polyp (label polyp) and one that contains none of it (label normal); per patient an exam whose report"
            + " is written from the masks (polyp count, relative size, position in the frame) and an exam of"
            + " polyp-free crops reported as 'no polyps'. Writes OUT/records.jsonl and OUT/images/."})
final class DataCropsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--out", required = true, description = "Output folder (records.jsonl and images/).")
    Path out;

    @Option(names = "--crop", defaultValue = "128",
            description = "Crop side in source pixels; polyp crops grow to 1.25 x a larger polyp (default: ${DEFAULT-VALUE}).")
    int crop;

    @Option(names = "--size", defaultValue = "64", description = "Side of the written crops (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for choosing polyp-free windows (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        Path source = dataset.root.toAbsolutePath().normalize();
        if (out.toAbsolutePath().normalize().equals(source)) {
            throw new IllegalArgumentException(out + ": --out is the data set's own folder; write the crops elsewhere");
        }
        Problems problems = dataset.problems();
        Dataset read = dataset.read(dataset.validation(Validation.FILES), problems);
        int frames = read.frames().size();
        IntConsumer progress = System.console() == null ? done -> { } : BenchMfuCommand.progressBar("crops", frames);
        List<ExamRecord> exams = new MaskCropRecords(crop, size, seed).build(read.exams(), read.root(), out, problems, progress);
        Path file = out.resolve(MaskCropRecords.RECORDS_FILE);
        RecordsFile.write(file, exams);
        long crops = exams.stream().mapToLong(e -> e.frames().size()).sum();
        long polyp = exams.stream().flatMap(e -> e.frames().stream()).filter(f -> "polyp".equals(f.label())).count();
        PrintWriter w = spec.commandLine().getOut();
        w.printf("wrote %s: %d exams of %d patients, %d crops (%d with the polyp, %d without) from %d frames%n", file,
                exams.size(), exams.stream().map(ExamRecord::patientId).distinct().count(), crops, polyp, crops - polyp, frames);
        w.println(problems.summary());
        w.flush();
        return 0;
    }
}
