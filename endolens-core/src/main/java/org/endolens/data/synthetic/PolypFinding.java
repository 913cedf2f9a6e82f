package org.endolens.data.synthetic;

/**
 * One polyp entry of an exam: what the frames show (size, shape, histology) and what the report says about it.
 *
 * @param sizeMm nominal largest diameter, whole millimetres
 * @param location segment the polyp sits in
 * @param shape rendered shape, reported as its Paris class
 * @param histology the true histology, which also tints the rendered polyp
 * @param pathologyStatus whether the report states the histology or says it is pending or not retrieved
 * @param count how many identical polyps the entry stands for (reported together, e.g. "two 3 mm polyps")
 */
record PolypFinding(
        int sizeMm,
        ColonSegment location,
        PolypShape shape,
        PolypPathology histology,
        PathologyStatus pathologyStatus,
        int count) {

    /** Whether the report gives the histology of a polyp. */
    enum PathologyStatus {
        REPORTED,
        PENDING,
        NOT_RETRIEVED
    }

    PolypFinding {
        if (sizeMm < 1) {
            throw new IllegalArgumentException("polyp size must be at least 1 mm, got " + sizeMm);
        }
        if (count < 1) {
            throw new IllegalArgumentException("polyp count must be at least 1, got " + count);
        }
    }

    /** The schema's {@code pathology}: the histology when the report states it, else null. */
    String reportedPathology() {
        return pathologyStatus == PathologyStatus.REPORTED ? histology.schemaName() : null;
    }
}
