package org.endolens.data.synthetic;

import org.endolens.EndoLensException;
import org.endolens.data.Box;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.RecordsFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A procedurally generated colonoscopy data set for demos and tests: patients with one or more exams, each with
 * rendered frames (polyp views with masks and boxes, normal mucosa, labelled background artefacts), one free-text
 * report and its gold attributes. Deterministic for a seed; frames render in parallel.
 */
public final class SyntheticColonoscopy {
    public static final String RECORDS_FILE = "records.jsonl";
    public static final String IMAGES_DIR = "images";
    public static final String MASKS_DIR = "masks";

    private static final Pattern POLYP_FRAME_ID = Pattern.compile("-p(\\d+)-f\\d+$");
    private static final double TRAIN_FRACTION = 0.7;
    private static final double VAL_FRACTION = 0.15;
    private static final LocalDate FIRST_EXAM_FROM = LocalDate.of(2012, 1, 1);
    private static final int FIRST_EXAM_SPAN_DAYS = 9 * 365;
    private static final int MIN_FOLLOW_UP_DAYS = 365;
    private static final int FOLLOW_UP_SPAN_DAYS = 4 * 365;
    private static final int MIN_AGE = 45;
    private static final int AGE_SPAN = 35;

    private SyntheticColonoscopy() {}

    /**
     * Writes {@code images/}, {@code masks/} and {@code records.jsonl} under {@code outDir} (overwriting files of the
     * same names) and returns the exams as written.
     */
    public static List<ExamRecord> generate(Path outDir, SyntheticConfig config) {
        try {
            Files.createDirectories(outDir.resolve(IMAGES_DIR));
            Files.createDirectories(outDir.resolve(MASKS_DIR));
        } catch (IOException e) {
            throw new EndoLensException(outDir + ": cannot create the output folders (" + e.getMessage() + ")", e);
        }
        List<PlannedExam> exams = plan(config);
        List<PlannedFrame> frames = exams.stream().flatMap(exam -> exam.frames().stream()).toList();
        SyntheticFrameRenderer renderer = new SyntheticFrameRenderer(config.imageSize());
        List<List<Box>> boxes = frames.parallelStream().map(frame -> renderAndWrite(renderer, frame, outDir)).toList();

        List<ExamRecord> records = new ArrayList<>();
        int next = 0;
        for (PlannedExam exam : exams) {
            List<FrameRecord> frameRecords = new ArrayList<>();
            for (PlannedFrame frame : exam.frames()) {
                List<Box> frameBoxes = boxes.get(next++);
                frameRecords.add(new FrameRecord(frame.id(), IMAGES_DIR + "/" + frame.id() + ".png", frame.timeS(),
                        frame.label(), frameBoxes.isEmpty() ? null : MASKS_DIR + "/" + frame.id() + ".png", frameBoxes,
                        exam.split()));
            }
            records.add(new ExamRecord(exam.patientId(), exam.examId(), exam.date().toString(), frameRecords, List.of(),
                    exam.report(), exam.findings().attributes()));
        }
        RecordsFile.write(outDir.resolve(RECORDS_FILE), records);
        return records;
    }

    /**
     * The polyp a frame shows, as the 1-based index into its exam's {@code attributes.polyps}, read from the frame id
     * ({@code <exam>-p<k>-f<nnn>}); 0 for frames without a polyp.
     */
    public static int polypEntry(String frameId) {
        Matcher m = POLYP_FRAME_ID.matcher(frameId);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static List<PlannedExam> plan(SyntheticConfig config) {
        SplittableRandom root = new SplittableRandom(config.seed());
        FindingsSampler sampler = new FindingsSampler();
        ExamFramePlanner planner = new ExamFramePlanner(config);
        SyntheticReportWriter writer = new SyntheticReportWriter();
        List<PlannedExam> exams = new ArrayList<>();
        for (int p = 1; p <= config.patients(); p++) {
            SplittableRandom random = root.split();
            String patientId = String.format(Locale.ROOT, "SYN-%04d", p);
            int age = MIN_AGE + random.nextInt(AGE_SPAN);
            boolean female = random.nextBoolean();
            double splitDraw = random.nextDouble();
            String split = splitDraw < TRAIN_FRACTION ? "train"
                    : splitDraw < TRAIN_FRACTION + VAL_FRACTION ? "val" : "test";
            LocalDate first = FIRST_EXAM_FROM.plusDays(random.nextInt(FIRST_EXAM_SPAN_DAYS));
            LocalDate date = first;
            int examCount = config.minExamsPerPatient()
                    + random.nextInt(config.maxExamsPerPatient() - config.minExamsPerPatient() + 1);
            for (int e = 1; e <= examCount; e++) {
                SplittableRandom examRandom = random.split();
                String examId = patientId + "-E" + e;
                ExamFindings findings = sampler.sample(examRandom, config.maxPolypsPerExam());
                int ageAtExam = age + date.getYear() - first.getYear();
                String report = writer.write(findings, ageAtExam, female, e > 1, examRandom);
                exams.add(new PlannedExam(patientId, examId, date, split, findings, report,
                        planner.plan(examId, findings, examRandom)));
                date = date.plusDays(MIN_FOLLOW_UP_DAYS + random.nextInt(FOLLOW_UP_SPAN_DAYS));
            }
        }
        return exams;
    }

    private static List<Box> renderAndWrite(SyntheticFrameRenderer renderer, PlannedFrame frame, Path outDir) {
        RenderedFrame rendered = renderer.render(frame.scene());
        Path image = outDir.resolve(IMAGES_DIR).resolve(frame.id() + ".png");
        Path mask = outDir.resolve(MASKS_DIR).resolve(frame.id() + ".png");
        try {
            PngEncoder.write(rendered.image(), image);
            if (rendered.mask() != null) {
                PngEncoder.write(rendered.mask(), mask);
            }
        } catch (IOException e) {
            throw new EndoLensException(image + ": cannot write the synthetic frame (" + e.getMessage() + ")", e);
        }
        return rendered.box() == null ? List.of() : List.of(rendered.box());
    }

    private record PlannedExam(String patientId, String examId, LocalDate date, String split, ExamFindings findings,
            String report, List<PlannedFrame> frames) {}
}
