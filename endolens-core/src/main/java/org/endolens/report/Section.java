package org.endolens.report;

/** What part of a report a sentence belongs to, which decides what the extraction rules may read from it. */
enum Section {
    /** Indication, history, prior exams: never a finding of this exam. */
    HISTORY,
    /** Findings, procedure, preparation, extent and everything not otherwise labelled. */
    FINDINGS,
    /** Histology of the removed specimens. */
    PATHOLOGY,
    /** Impression, assessment, specimen lists: restate findings, so they add no polyp entries. */
    SUMMARY,
    /** Plan and recommendations: never a finding of this exam. */
    PLAN;

    /** Whether findings (other than polyps) and procedure facts may be read from this section. */
    boolean describesThisExam() {
        return this != HISTORY && this != PLAN;
    }
}
