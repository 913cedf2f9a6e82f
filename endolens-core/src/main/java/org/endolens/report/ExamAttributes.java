package org.endolens.report;

/**
 * The attributes extracted from one exam's report, as one line of an attributes file.
 *
 * @param examId the exam
 * @param patientId its patient
 * @param attributes what the report says
 */
public record ExamAttributes(String examId, String patientId, ReportAttributes attributes) {}
