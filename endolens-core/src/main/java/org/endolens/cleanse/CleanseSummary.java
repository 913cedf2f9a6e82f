package org.endolens.cleanse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Frame counts of one cleansing run: in, kept, dropped (by reason) and unreadable, overall and per exam.
 *
 * @param classifier what decided, in words
 * @param framesIn frames in the input records
 * @param kept frames judged informative
 * @param dropped frames judged background
 * @param unreadable frames whose image could not be read (also dropped)
 * @param reasons dropped frames per reason, in {@link Reason} order, reasons with no frame left out
 * @param exams per exam, in record order
 */
public record CleanseSummary(String classifier, int framesIn, int kept, int dropped, int unreadable,
        Map<Reason, Integer> reasons, List<ExamCounts> exams) {

    /**
     * One exam's frame counts.
     *
     * @param examId the exam
     * @param framesIn its frames in the input
     * @param kept its frames kept
     */
    public record ExamCounts(String examId, int framesIn, int kept) {}

    static CleanseSummary of(CleanseResult result) {
        int kept = 0;
        int dropped = 0;
        int unreadable = 0;
        Map<Reason, Integer> reasons = new EnumMap<>(Reason.class);
        Map<String, int[]> perExam = new LinkedHashMap<>();
        result.exams().forEach(exam -> perExam.put(exam.examId(), new int[2]));
        for (FrameVerdict verdict : result.frames()) {
            int[] counts = perExam.get(verdict.examId());
            counts[0]++;
            if (verdict.decision() == null) {
                unreadable++;
            } else if (verdict.kept()) {
                kept++;
                counts[1]++;
            } else {
                dropped++;
                reasons.merge(verdict.decision().reason(), 1, Integer::sum);
            }
        }
        List<ExamCounts> exams = new ArrayList<>();
        perExam.forEach((id, counts) -> exams.add(new ExamCounts(id, counts[0], counts[1])));
        return new CleanseSummary(result.classifier(), result.frames().size(), kept, dropped, unreadable,
                reasons, exams);
    }

    /** Exams that had frames and have none left. */
    public int examsEmptied() {
        return (int) exams.stream().filter(e -> e.framesIn() > 0 && e.kept() == 0).count();
    }

    /** Aligned text for a console; one line per exam when there are at most {@code maxExamLines} exams. */
    public String text(int maxExamLines) {
        StringBuilder out = new StringBuilder();
        line(out, "classifier", classifier);
        line(out, "frames", String.format(Locale.ROOT, "%d in, %d kept, %d dropped as background, %d unreadable",
                framesIn, kept, dropped, unreadable));
        StringBuilder byReason = new StringBuilder();
        reasons.forEach((reason, count) -> byReason.append(byReason.length() == 0 ? "" : ", ")
                .append(reason.label()).append(' ').append(count));
        line(out, "reasons", byReason.length() == 0 ? "-" : byReason.toString());
        line(out, "exams", exams.size() + ", " + examsEmptied() + " left without frames");
        if (exams.size() <= maxExamLines) {
            for (ExamCounts exam : exams) {
                line(out, "", String.format(Locale.ROOT, "%s: %d of %d frames kept", exam.examId(), exam.kept(),
                        exam.framesIn()));
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(String.format(Locale.ROOT, "%-11s %s%n", name, value));
    }
}
