package org.endolens.tasks;

import java.util.List;

/**
 * The text side of zero-shot polyp presence. A text tower trained from scratch on reports and attribute prompts
 * only knows the strings it saw, so {@link #VOCABULARY} asks with them ("a polyp" against "no polyps": the demo's
 * AUROC is 0.2–0.3 higher than with templated sentences). A model pre-trained on web captions (imported open_clip)
 * reads sentences, and CLIP's template ensembling ({@link #TEMPLATES}) suits it better.
 */
public enum PresencePrompts {
    VOCABULARY(List.of("{}"), List.of("a polyp"), List.of("no polyps")),
    TEMPLATES(ZeroShotClassifier.ENDOSCOPY_TEMPLATES, List.of("a polyp"), List.of("no polyps", "normal mucosa without polyps"));

    private final List<String> templates;
    private final List<String> polyp;
    private final List<String> normal;

    PresencePrompts(List<String> templates, List<String> polyp, List<String> normal) {
        this.templates = templates;
        this.polyp = polyp;
        this.normal = normal;
    }

    /** Every prompt of the "polyp" class: templates × names. */
    public List<String> polyp() {
        return ZeroShotClassifier.prompts(templates, polyp);
    }

    /** Every prompt of the "no polyp" class. */
    public List<String> normal() {
        return ZeroShotClassifier.prompts(templates, normal);
    }
}
