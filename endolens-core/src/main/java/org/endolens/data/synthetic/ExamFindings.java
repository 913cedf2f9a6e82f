package org.endolens.data.synthetic;

import org.endolens.util.Json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The ground truth of one synthetic exam, from which both its report text and its gold attributes are written.
 *
 * @param polyps polyp entries in report order (proximal to distal); entry k (1-based) is polyp k of the report
 * @param bbpsSegments right, transverse and left Boston Bowel Preparation Scale scores, or empty when not scored
 * @param cecumReached whether the cecum was reached, null when the report does not say
 * @param deepestReached where an incomplete exam stopped; null unless {@code cecumReached} is false
 * @param otherFindings non-polyp findings, schema vocabulary
 */
record ExamFindings(
        List<PolypFinding> polyps,
        List<Integer> bbpsSegments,
        Boolean cecumReached,
        ColonSegment deepestReached,
        List<String> otherFindings) {

    ExamFindings {
        polyps = List.copyOf(polyps);
        bbpsSegments = List.copyOf(bbpsSegments);
        otherFindings = List.copyOf(otherFindings);
        if (!bbpsSegments.isEmpty() && bbpsSegments.size() != 3) {
            throw new IllegalArgumentException("BBPS needs 3 segment scores, got " + bbpsSegments);
        }
        if (Boolean.FALSE.equals(cecumReached) != (deepestReached != null)) {
            throw new IllegalArgumentException("deepestReached is set exactly when the cecum was not reached");
        }
    }

    int polypCount() {
        return polyps.stream().mapToInt(PolypFinding::count).sum();
    }

    /** The BBPS total, or null when not scored. */
    Integer bbpsTotal() {
        return bbpsSegments.isEmpty() ? null : bbpsSegments.stream().mapToInt(Integer::intValue).sum();
    }

    /** The gold attributes in the schema of the reports data set. */
    ObjectNode attributes() {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("polyp_count", polypCount());
        ArrayNode entries = root.putArray("polyps");
        for (PolypFinding polyp : polyps) {
            ObjectNode entry = entries.addObject();
            entry.put("size_mm", polyp.sizeMm());
            entry.put("location", polyp.location().schemaName());
            entry.put("morphology", polyp.shape().parisClass());
            entry.put("pathology", polyp.reportedPathology());
            entry.put("count", polyp.count());
        }
        root.put("bbps_total", bbpsTotal());
        root.put("cecum_reached", cecumReached);
        ArrayNode other = root.putArray("other_findings");
        otherFindings.forEach(other::add);
        return root;
    }
}
