package org.endolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.RecordsFile;
import org.endolens.data.image.ImageFiles;
import org.endolens.pretrain.ExamText;
import org.endolens.testing.SharedPaths;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code endolens data crops} on CVC-ClinicDB: one polyp crop per frame, polyp-free crops, reports per sequence. */
class DataCropsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void clinicDbBecomesTwoExamsPerSequenceWithPolypAndPolypFreeCrops() {
        Path root = SharedPaths.data().resolve("cvc-clinicdb");
        Assumptions.assumeTrue(Files.isDirectory(root), "cvc-clinicdb not found at " + root + "; skipping");
        Path out = tmp.resolve("crops");
        CliRun run = CliRun.of("data", "crops", "--format", "clinicdb", "--root", root.toString(), "--out", out.toString(),
                "--size", "32");
        assertEquals(0, run.exitCode(), run.err());
        List<ExamRecord> exams = RecordsFile.read(out.resolve("records.jsonl"));
        assertEquals(29, exams.stream().map(ExamRecord::patientId).distinct().count());
        List<FrameRecord> frames = exams.stream().flatMap(e -> e.frames().stream()).toList();
        assertEquals(612, frames.stream().filter(f -> "polyp".equals(f.label())).count(), "one polyp crop per frame");
        long normal = frames.stream().filter(f -> "normal".equals(f.label())).count();
        assertTrue(normal > 300 && normal <= 612, normal + " polyp-free crops");
        Set<String> splits = frames.stream().map(FrameRecord::split).collect(Collectors.toSet());
        assertEquals(Set.of("train", "val", "test"), splits);
        ExamRecord first = exams.get(0);
        assertTrue(first.report().contains("Findings: 1 polyp"), first.report());
        assertTrue(ExamText.of(first).prompts().stream().anyMatch(p -> p.endsWith("of the frame")), ExamText.of(first).prompts().toString());
        ExamRecord second = exams.get(1);
        assertEquals(first.patientId(), second.patientId());
        assertEquals(List.of(ExamText.NO_POLYPS), ExamText.of(second).prompts());
        assertTrue(second.frames().stream().allMatch(f -> "normal".equals(f.label())));
        Path crop = out.resolve(first.frames().get(0).path());
        assertEquals(32, ImageFiles.size(crop).width());
    }

    @Test
    void writingIntoTheSourceFolderIsRefused() {
        Path root = tmp.resolve("source");
        CliRun run = CliRun.of("data", "crops", "--format", "segfolder", "--root", root.toString(), "--out", root.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("--out is the data set's own folder"), run.err());
    }
}
