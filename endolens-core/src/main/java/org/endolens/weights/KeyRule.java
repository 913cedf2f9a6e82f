package org.endolens.weights;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One renaming between a public checkpoint key and an EndoLens parameter path. Templates may hold {@code {i}}
 * for a layer index; a template ending in '.' renames a prefix, any other template a whole key.
 */
public record KeyRule(String publicTemplate, String internalTemplate, TensorAdapter adapter) {
    public static KeyRule prefix(String publicPrefix, String internalPrefix) {
        return new KeyRule(publicPrefix, internalPrefix, TensorAdapter.NONE);
    }

    public static KeyRule key(String publicKey, String internalKey, TensorAdapter adapter) {
        return new KeyRule(publicKey, internalKey, adapter);
    }

    /** The internal name of {@code publicKey}, or null when this rule does not apply. */
    public String toInternal(String publicKey) {
        return rewrite(publicKey, publicTemplate, internalTemplate);
    }

    /** The public name of {@code internalKey}, or null when this rule does not apply. */
    public String toPublic(String internalKey) {
        return rewrite(internalKey, internalTemplate, publicTemplate);
    }

    private static String rewrite(String key, String from, String to) {
        boolean isPrefix = from.endsWith(".");
        Matcher m = pattern(from, isPrefix).matcher(key);
        if (!m.matches()) {
            return null;
        }
        String out = m.groupCount() >= 1 && from.contains("{i}") ? to.replace("{i}", m.group(1)) : to;
        return isPrefix ? out + m.group(m.groupCount()) : out;
    }

    private static Pattern pattern(String template, boolean isPrefix) {
        StringBuilder regex = new StringBuilder();
        String[] parts = template.split("\\{i}", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("(\\d+)");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        if (isPrefix) {
            regex.append("(.+)");
        }
        return Pattern.compile(regex.toString());
    }
}
