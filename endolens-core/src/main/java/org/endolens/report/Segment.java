package org.endolens.report;

/** The nine locations of the attribute schema ({@code polyps[].location}), deepest first. */
public enum Segment implements Vocabulary {
    TERMINAL_ILEUM("terminal ileum"),
    CECUM("cecum"),
    ASCENDING_COLON("ascending colon"),
    HEPATIC_FLEXURE("hepatic flexure"),
    TRANSVERSE_COLON("transverse colon"),
    SPLENIC_FLEXURE("splenic flexure"),
    DESCENDING_COLON("descending colon"),
    SIGMOID_COLON("sigmoid colon"),
    RECTUM("rectum");

    private final String label;

    Segment(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static Segment of(String label) {
        return Vocabulary.parse(Segment.class, "location", label);
    }
}
