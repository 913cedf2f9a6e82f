package org.endolens.report;

/** Histologic diagnoses of the attribute schema ({@code polyps[].pathology}). */
public enum Pathology implements Vocabulary {
    TUBULAR_ADENOMA("tubular adenoma"),
    TUBULOVILLOUS_ADENOMA("tubulovillous adenoma"),
    VILLOUS_ADENOMA("villous adenoma"),
    SESSILE_SERRATED_LESION("sessile serrated lesion"),
    TRADITIONAL_SERRATED_ADENOMA("traditional serrated adenoma"),
    HYPERPLASTIC_POLYP("hyperplastic polyp"),
    ADENOCARCINOMA("adenocarcinoma"),
    INFLAMMATORY_POLYP("inflammatory polyp");

    private final String label;

    Pathology(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static Pathology of(String label) {
        return Vocabulary.parse(Pathology.class, "pathology", label);
    }
}
