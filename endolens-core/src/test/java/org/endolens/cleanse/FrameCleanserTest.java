package org.endolens.cleanse;

import org.endolens.DataFormatException;
import org.endolens.data.BadInputPolicy;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.data.RecordsFile;
import org.endolens.data.VideoRecord;
import org.endolens.data.synthetic.SyntheticColonoscopy;
import org.endolens.data.synthetic.SyntheticConfig;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cleansing a records file: kept frames, unreadable frames, rewritten paths, the report and the summary. */
class FrameCleanserTest {
    private static final String BROKEN = "images/broken.png";

    @TempDir
    static Path tmp;

    private static Path records;
    private static List<ExamRecord> exams;

    /** The tiny synthetic set, its first exam given an unreadable frame and a video. */
    @BeforeAll
    static void tinySetWithABrokenFrame() throws Exception {
        Path dir = tmp.resolve("synthetic");
        List<ExamRecord> generated = SyntheticColonoscopy.generate(dir, SyntheticConfig.tiny());
        Files.writeString(dir.resolve(BROKEN), "not a PNG", StandardCharsets.UTF_8);
        ExamRecord first = generated.get(0);
        List<FrameRecord> frames = new ArrayList<>(first.frames());
        frames.add(FrameRecord.of("broken", BROKEN));
        exams = new ArrayList<>(generated);
        exams.set(0, new ExamRecord(first.patientId(), first.examId(), first.date(), frames,
                List.of(new VideoRecord("videos/withdrawal.mp4", null)), first.report(), first.attributes()));
        records = dir.resolve("with-broken.jsonl");
        RecordsFile.write(records, exams);
    }

    @Test
    void keepsInformativeFramesAndReportsUnreadableOnes() {
        Problems problems = new Problems(BadInputPolicy.SKIP);
        CleanseResult result = new FrameCleanser(FrameQualityClassifier.defaults(), 2)
                .cleanse(records, exams, problems, done -> { });
        assertEquals(1, problems.count());
        assertTrue(problems.all().get(0).file().endsWith("broken.png"), problems.summary());

        int frames = exams.stream().mapToInt(e -> e.frames().size()).sum();
        assertEquals(frames, result.frames().size());
        List<ExamRecord> kept = result.kept();
        assertEquals(exams.size(), kept.size());
        for (int e = 0; e < exams.size(); e++) {
            ExamRecord in = exams.get(e);
            ExamRecord out = kept.get(e);
            assertEquals(in.examId(), out.examId());
            assertEquals(in.report(), out.report());
            assertEquals(in.videos(), out.videos());
            assertTrue(in.frames().containsAll(out.frames()));
            assertFalse(out.frames().stream().anyMatch(f -> LabelledFrames.isBackground(f.label())),
                    "a background frame was kept in " + out.examId());
        }
        CleanseSummary summary = result.summary();
        assertEquals(frames, summary.framesIn());
        assertEquals(1, summary.unreadable());
        assertEquals(frames - 1, summary.kept() + summary.dropped());
        assertEquals(summary.dropped(), summary.reasons().values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(summary.text(10).contains(exams.get(0).examId() + ": "), summary.text(10));
    }

    @Test
    void rewritesRelativePathsForAnotherFolder() {
        CleanseResult result = new FrameCleanser(FrameQualityClassifier.defaults(), 1)
                .cleanse(records, exams, new Problems(BadInputPolicy.SKIP), done -> { });
        Path output = tmp.resolve("elsewhere/kept.jsonl");
        List<ExamRecord> moved = result.keptFor(output);
        ExamRecord first = moved.get(0);
        assertEquals("../synthetic/videos/withdrawal.mp4", first.videos().get(0).path());
        for (FrameRecord frame : first.frames()) {
            assertTrue(frame.path().startsWith("../synthetic/images/"), frame.path());
            assertTrue(Files.isRegularFile(RecordsFile.resolve(output, frame.path())), frame.path());
        }
        assertEquals(result.kept(), result.keptFor(tmp.resolve("synthetic/kept.jsonl")));
    }

    @Test
    void failPolicyStopsAtTheUnreadableFrame() {
        FrameCleanser cleanser = new FrameCleanser(FrameQualityClassifier.defaults(), 2);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> cleanser.cleanse(records, exams, new Problems(BadInputPolicy.FAIL), done -> { }));
        assertTrue(e.getMessage().contains("broken.png"), e.getMessage());
    }

    @Test
    void reportHasAHeaderAndOneRowPerFrame() throws Exception {
        CleanseResult result = new FrameCleanser(FrameQualityClassifier.defaults(), 2)
                .cleanse(records, exams, new Problems(BadInputPolicy.SKIP), done -> { });
        Path csv = tmp.resolve("report/frames.csv");
        CleanseReport.write(csv, result);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("exam_id,frame_id,path,score,decision,reason," + String.join(",", FrameFeatures.NAMES),
                lines.get(0));
        assertEquals(result.frames().size() + 1, lines.size());
        int columns = 6 + FrameFeatures.NAMES.size();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            assertEquals(columns, fields.length, line);
            assertTrue(List.of("informative", "background", "unreadable").contains(fields[4]), line);
            assertEquals(fields[4].equals("background"), !fields[5].isEmpty(), line);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains(",broken,") && l.contains(",unreadable,")));
    }

    @Test
    void progressCountsEveryFrameInOrder() {
        List<Integer> heard = new ArrayList<>();
        new FrameCleanser(FrameQualityClassifier.defaults(), 2)
                .cleanse(records, exams, new Problems(BadInputPolicy.SKIP), heard::add);
        int frames = exams.stream().mapToInt(e -> e.frames().size()).sum();
        assertEquals(frames, heard.size());
        for (int i = 0; i < frames; i++) {
            assertEquals(i + 1, heard.get(i));
        }
    }
}
