package org.endolens.report;

/** Non-polyp findings of the attribute schema ({@code other_findings}). */
public enum OtherFinding implements Vocabulary {
    DIVERTICULOSIS("diverticulosis"),
    INTERNAL_HEMORRHOIDS("internal hemorrhoids"),
    COLITIS("colitis"),
    LIPOMA("lipoma"),
    ANGIOECTASIA("angioectasia"),
    MELANOSIS_COLI("melanosis coli"),
    STRICTURE("stricture"),
    MASS("mass");

    private final String label;

    OtherFinding(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static OtherFinding of(String label) {
        return Vocabulary.parse(OtherFinding.class, "other_findings", label);
    }
}
