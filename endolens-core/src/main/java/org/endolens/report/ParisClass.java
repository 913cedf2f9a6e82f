package org.endolens.report;

/** Paris classification of superficial lesions ({@code polyps[].morphology}) with the word reports use for each. */
public enum ParisClass implements Vocabulary {
    PEDUNCULATED("0-Ip", "pedunculated"),
    SEMI_PEDUNCULATED("0-Isp", "semi-pedunculated"),
    SESSILE("0-Is", "sessile"),
    FLAT_ELEVATED("0-IIa", "flat elevated"),
    FLAT("0-IIb", "flat"),
    DEPRESSED("0-IIc", "depressed"),
    EXCAVATED("0-III", "excavated");

    private final String label;
    private final String word;

    ParisClass(String label, String word) {
        this.label = label;
        this.word = word;
    }

    @Override
    public String label() {
        return label;
    }

    /** The plain-English shape, as in "a sessile polyp". */
    public String word() {
        return word;
    }

    public static ParisClass of(String label) {
        return Vocabulary.parse(ParisClass.class, "morphology", label);
    }
}
