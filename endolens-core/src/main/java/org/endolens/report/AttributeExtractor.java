package org.endolens.report;

/** Reads the clinical attributes of one free-text colonoscopy report (stage 2 of Endo-CLIP, "attunement"). */
public interface AttributeExtractor {
    ReportAttributes extract(String report);
}
