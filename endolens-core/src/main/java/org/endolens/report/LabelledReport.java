package org.endolens.report;

/**
 * One report with hand-written gold attributes, as stored one per line in the reports data set's {@code dev.jsonl}.
 *
 * @param id record id ("dev-002")
 * @param patientId the patient; follow-up exams share it (may be null)
 * @param report the free-text report
 * @param gold the gold attributes
 */
public record LabelledReport(String id, String patientId, String report, ReportAttributes gold) {}
