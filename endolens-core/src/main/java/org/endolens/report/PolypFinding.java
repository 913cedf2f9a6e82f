package org.endolens.report;

/**
 * One polyp entry of a report: a single polyp, or a group described in one phrase ("two 3 mm polyps"). Every
 * attribute may be null when the report does not state it; vocabulary values are checked on construction.
 *
 * @param sizeMm largest diameter in millimetres
 * @param location a {@link Segment} label
 * @param morphology a {@link ParisClass} label
 * @param pathology a {@link Pathology} label, from histology only
 * @param count how many identical polyps the entry stands for; null for "multiple", "several", "numerous"
 */
public record PolypFinding(Double sizeMm, String location, String morphology, String pathology, Integer count) {

    public PolypFinding {
        if (sizeMm != null && !(sizeMm > 0 && Double.isFinite(sizeMm))) {
            throw new IllegalArgumentException("size_mm: expected a positive number of millimetres, got " + sizeMm);
        }
        if (location != null) {
            Segment.of(location);
        }
        if (morphology != null) {
            ParisClass.of(morphology);
        }
        if (pathology != null) {
            Pathology.of(pathology);
        }
        if (count != null && count < 1) {
            throw new IllegalArgumentException("count: expected at least 1 (or null when unquantified), got " + count);
        }
    }

    /** A copy with another pathology (null to clear it). */
    public PolypFinding withPathology(String newPathology) {
        return new PolypFinding(sizeMm, location, morphology, newPathology, count);
    }
}
