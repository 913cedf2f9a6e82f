package org.endolens.cli;

import java.util.List;
import java.util.Set;
import org.endolens.EndoLensException;
import org.endolens.data.ExamRecord;
import org.endolens.pretrain.FrameCleansing;

/** Selects the frames of records whose {@code split} is one of a comma-separated list ({@code all} keeps every frame). */
final class RecordSplits {
    static final String ALL = "all";

    private RecordSplits() {}

    static List<ExamRecord> select(List<ExamRecord> exams, String splits) {
        if (ALL.equalsIgnoreCase(splits.strip())) {
            return exams;
        }
        Set<String> wanted = Set.of(splits.strip().split("\\s*,\\s*"));
        List<ExamRecord> selected = FrameCleansing.keepFrames(exams, f -> f.split() != null && wanted.contains(f.split()));
        if (selected.isEmpty()) {
            throw new EndoLensException("no frames have split " + wanted + "; give frames a \"split\" in the records file"
                    + " or pass --split all");
        }
        return selected;
    }
}
