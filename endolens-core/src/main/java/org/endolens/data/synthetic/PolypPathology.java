package org.endolens.data.synthetic;

/** Histologic diagnoses of the attribute schema that the generator assigns, with report abbreviations and plurals. */
enum PolypPathology {
    TUBULAR_ADENOMA("tubular adenoma", "TA", "tubular adenomas"),
    TUBULOVILLOUS_ADENOMA("tubulovillous adenoma", "TVA", "tubulovillous adenomas"),
    SESSILE_SERRATED_LESION("sessile serrated lesion", "SSL", "sessile serrated lesions"),
    HYPERPLASTIC_POLYP("hyperplastic polyp", "HP", "hyperplastic polyps"),
    ADENOCARCINOMA("adenocarcinoma", "adenocarcinoma", "adenocarcinoma");

    private final String schemaName;
    private final String abbreviation;
    private final String plural;

    PolypPathology(String schemaName, String abbreviation, String plural) {
        this.schemaName = schemaName;
        this.abbreviation = abbreviation;
        this.plural = plural;
    }

    /** The value written to {@code polyps[].pathology}. */
    String schemaName() {
        return schemaName;
    }

    String abbreviation() {
        return abbreviation;
    }

    String plural() {
        return plural;
    }
}
