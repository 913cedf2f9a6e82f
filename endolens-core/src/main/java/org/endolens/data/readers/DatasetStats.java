package org.endolens.data.readers;

import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.VideoRecord;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts describing a {@link Dataset}, as {@code endolens data stats} prints them. A frame is positive when it has a
 * box, negative when it has a mask but no box; frames with neither are not counted either way. {@code splits} and
 * {@code labels} use the key {@value #NONE} for frames without one.
 *
 * @param boxesPerFrame how many annotated frames (with a mask or a box) have each number of boxes
 */
public record DatasetStats(
        String format,
        String root,
        int patients,
        int exams,
        int frames,
        int videos,
        int masks,
        int boxes,
        int positives,
        int negatives,
        int reports,
        Map<String, Integer> splits,
        Map<String, Integer> labels,
        @JsonProperty("boxes_per_frame") Map<Integer, Integer> boxesPerFrame) {

    /** Key for frames without a split or label. */
    public static final String NONE = "(none)";

    private static final List<String> SPLIT_ORDER = List.of("train", "val", "test");

    public static DatasetStats of(Dataset dataset) {
        Set<String> patients = new HashSet<>();
        int masks = 0;
        int boxes = 0;
        int positives = 0;
        int negatives = 0;
        int reports = 0;
        Map<String, Integer> splits = new HashMap<>();
        Map<String, Integer> labels = new HashMap<>();
        Map<Integer, Integer> boxesPerFrame = new TreeMap<>();
        for (ExamRecord exam : dataset.exams()) {
            patients.add(exam.patientId());
            if (exam.report() != null && !exam.report().isBlank()) {
                reports++;
            }
            for (FrameRecord frame : exam.frames()) {
                boolean hasMask = frame.mask() != null;
                int n = frame.boxes().size();
                masks += hasMask ? 1 : 0;
                boxes += n;
                positives += n > 0 ? 1 : 0;
                negatives += hasMask && n == 0 ? 1 : 0;
                if (hasMask || n > 0) {
                    boxesPerFrame.merge(n, 1, Integer::sum);
                }
                splits.merge(frame.split() == null ? NONE : frame.split(), 1, Integer::sum);
                labels.merge(frame.label() == null ? NONE : frame.label(), 1, Integer::sum);
            }
            for (VideoRecord video : exam.videos()) {
                labels.merge(video.label() == null ? NONE : video.label(), 1, Integer::sum);
            }
        }
        return new DatasetStats(dataset.format(), dataset.root().toString(), patients.size(), dataset.exams().size(),
                dataset.frames().size(), dataset.videos().size(), masks, boxes, positives, negatives, reports,
                ordered(splits, Comparator.comparingInt(DatasetStats::splitRank).thenComparing(Comparator.naturalOrder())),
                ordered(labels, Comparator.comparing((String label) -> -labels.get(label)).thenComparing(Comparator.naturalOrder())),
                boxesPerFrame);
    }

    private static int splitRank(String split) {
        int rank = SPLIT_ORDER.indexOf(split);
        return rank >= 0 ? rank : split.equals(NONE) ? SPLIT_ORDER.size() + 1 : SPLIT_ORDER.size();
    }

    private static Map<String, Integer> ordered(Map<String, Integer> counts, Comparator<String> order) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.keySet().stream().sorted(order).forEach(key -> sorted.put(key, counts.get(key)));
        return sorted;
    }
}
