package org.endolens.data.synthetic;

import java.util.List;

/**
 * The nine locations of the attribute schema, in withdrawal order (deepest first), with the abbreviations and
 * landmark names reports use for them.
 */
enum ColonSegment {
    TERMINAL_ILEUM("terminal ileum", "TI"),
    CECUM("cecum", "ICV", "ileocecal valve", "appendiceal orifice"),
    ASCENDING_COLON("ascending colon", "AC", "asc colon"),
    HEPATIC_FLEXURE("hepatic flexure", "HF"),
    TRANSVERSE_COLON("transverse colon", "TC"),
    SPLENIC_FLEXURE("splenic flexure", "SF"),
    DESCENDING_COLON("descending colon", "DC", "desc colon"),
    SIGMOID_COLON("sigmoid colon", "sig colon"),
    RECTUM("rectum");

    private final String schemaName;
    private final List<String> aliases;

    ColonSegment(String schemaName, String... aliases) {
        this.schemaName = schemaName;
        this.aliases = List.of(aliases);
    }

    /** The value written to {@code polyps[].location}. */
    String schemaName() {
        return schemaName;
    }

    /** Other names a report may use for this location (abbreviations, landmarks); may be empty. */
    List<String> aliases() {
        return aliases;
    }

    /** Whether "proximal", "mid" or "distal" reads naturally before the name. */
    boolean isColonSegment() {
        return schemaName.endsWith("colon");
    }

    /** Position along the withdrawal, 0 at the deepest segment and 1 at the rectum. */
    double withdrawalFraction() {
        return (ordinal() + 0.5) / values().length;
    }
}
