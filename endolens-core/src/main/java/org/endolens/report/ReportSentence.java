package org.endolens.report;

/**
 * One sentence or list item of a normalised report.
 *
 * @param text the whole sentence, section heading included ("Cecal intubation: yes, cecum reached")
 * @param content the sentence without its section heading and list marker
 * @param section the section it belongs to, after sentence-level history and plan cues
 * @param listLabel the list marker in front of it ("1", "a" for "(A)"), or null
 */
record ReportSentence(String text, String content, Section section, String listLabel) {}
