package org.endolens.data.synthetic;

/** The polyp shapes the renderer draws, each with its Paris class and the words reports use for it. */
enum PolypShape {
    SESSILE("0-Is", "sessile"),
    PEDUNCULATED("0-Ip", "pedunculated"),
    FLAT_ELEVATED("0-IIa", "flat elevated");

    private final String parisClass;
    private final String word;

    PolypShape(String parisClass, String word) {
        this.parisClass = parisClass;
        this.word = word;
    }

    /** The value written to {@code polyps[].morphology}. */
    String parisClass() {
        return parisClass;
    }

    /** The descriptive word that maps to this Paris class in the reports README. */
    String word() {
        return word;
    }
}
