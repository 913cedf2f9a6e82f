package org.endolens.pretrain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.endolens.data.ExamRecord;

/**
 * The text targets of one exam: the free-text report, its attribute prompts (attune stage) and one description per
 * polyp entry (unify stage; "no polyps" for a polyp-free exam). Built from the exam's attribute JSON (the schema of
 * the reports data set, plus the mask-derived {@code relative_size} and {@code frame_position} of
 * {@link org.endolens.data.crops.MaskCropRecords}), so gold, extracted and mask-derived attributes serve alike.
 */
public record ExamText(String report, List<String> prompts, List<String> descriptions) {
    public static final String NO_POLYPS = "no polyps";
    /** The presence prompt every exam with a polyp shares. */
    public static final String A_POLYP = "a polyp";

    private static final Map<String, String> PARIS_WORDS = Map.of(
            "0-Ip", "pedunculated", "0-Isp", "semi-pedunculated", "0-Is", "sessile", "0-IIa", "flat elevated",
            "0-IIb", "flat", "0-IIc", "depressed", "0-III", "excavated");

    public ExamText {
        prompts = List.copyOf(prompts);
        descriptions = List.copyOf(descriptions);
    }

    /** The report and the prompts of {@code exam.attributes()}; an exam without attributes counts as polyp-free. */
    public static ExamText of(ExamRecord exam) {
        JsonNode polyps = exam.attributes() == null ? null : exam.attributes().get("polyps");
        Set<String> prompts = new LinkedHashSet<>();
        List<String> descriptions = new ArrayList<>();
        if (polyps == null || polyps.isEmpty()) {
            prompts.add(NO_POLYPS);
            descriptions.add(NO_POLYPS);
        } else {
            prompts.add(A_POLYP);
            for (JsonNode polyp : polyps) {
                String size = polyp.hasNonNull("size_mm") ? polyp.get("size_mm").asText().replaceAll("\\.0$", "") + " mm "
                        : polyp.hasNonNull("relative_size") ? polyp.get("relative_size").asText() + " " : "";
                String shape = PARIS_WORDS.getOrDefault(polyp.path("morphology").asText(), "");
                String place = polyp.hasNonNull("location") ? " in the " + polyp.get("location").asText()
                        : polyp.hasNonNull("frame_position") ? " in the " + polyp.get("frame_position").asText() + " of the frame" : "";
                String full = "a " + size + (shape.isEmpty() ? "" : shape + " ") + "polyp" + place;
                descriptions.add(full);
                prompts.add(full);
                if (!shape.isEmpty()) {
                    prompts.add("a " + shape + " polyp");
                }
                if (!place.isEmpty()) {
                    prompts.add("a polyp" + place);
                }
                if (!size.isEmpty()) {
                    prompts.add("a " + size + "polyp");
                }
                if (polyp.hasNonNull("pathology")) {
                    prompts.add(polyp.get("pathology").asText());
                }
            }
        }
        return new ExamText(exam.report() == null ? "" : exam.report(), List.copyOf(prompts), descriptions);
    }
}
