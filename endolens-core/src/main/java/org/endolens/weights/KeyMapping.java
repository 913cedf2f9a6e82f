package org.endolens.weights;

import ai.djl.ndarray.NDArray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Translates between a public checkpoint layout and EndoLens parameter paths. Keys no rule matches keep their
 * name, so the loader can report them as unknown; keys matching an ignore pattern (buffers, training-only
 * heads) are dropped and listed in {@link Result#ignored()}.
 */
public final class KeyMapping {
    private final List<KeyRule> rules;
    private final List<Pattern> ignored;
    private final UnaryOperator<Map<String, NDArray>> beforeRename;
    private final UnaryOperator<Map<String, NDArray>> afterRenameBack;

    /** Outcome of translating a checkpoint: the renamed tensors and what was deliberately dropped. */
    public record Result(Map<String, NDArray> tensors, List<String> ignored) {}

    private KeyMapping(List<KeyRule> rules, List<Pattern> ignored, UnaryOperator<Map<String, NDArray>> beforeRename,
            UnaryOperator<Map<String, NDArray>> afterRenameBack) {
        this.rules = List.copyOf(rules);
        this.ignored = List.copyOf(ignored);
        this.beforeRename = beforeRename;
        this.afterRenameBack = afterRenameBack;
    }

    public static KeyMapping identity() {
        return new KeyMapping(List.of(), List.of(), UnaryOperator.identity(), UnaryOperator.identity());
    }

    public static KeyMapping of(List<KeyRule> rules, List<String> ignoredRegexes) {
        return of(rules, ignoredRegexes, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /**
     * A mapping with structural steps around the renaming: {@code beforeRename} runs on public tensors before
     * they are renamed (e.g. merging separate q, k, v projections) and {@code afterRenameBack} undoes it.
     */
    public static KeyMapping of(List<KeyRule> rules, List<String> ignoredRegexes,
            UnaryOperator<Map<String, NDArray>> beforeRename, UnaryOperator<Map<String, NDArray>> afterRenameBack) {
        return new KeyMapping(rules, ignoredRegexes.stream().map(Pattern::compile).toList(), beforeRename,
                afterRenameBack);
    }

    /** Public checkpoint tensors to EndoLens parameter names and shapes. */
    public Result toInternal(Map<String, NDArray> external) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, NDArray> e : beforeRename.apply(external).entrySet()) {
            String key = e.getKey();
            if (ignored.stream().anyMatch(p -> p.matcher(key).matches())) {
                dropped.add(key);
                continue;
            }
            KeyRule rule = rules.stream().filter(r -> r.toInternal(key) != null).findFirst().orElse(null);
            if (rule == null) {
                out.put(key, e.getValue());
            } else {
                out.put(rule.toInternal(key), rule.adapter().toInternal(e.getValue()));
            }
        }
        return new Result(out, dropped);
    }

    /** The public name of one EndoLens parameter path (for messages); unchanged when no rule renames it. */
    public String publicName(String internalKey) {
        for (KeyRule rule : rules) {
            String name = rule.toPublic(internalKey);
            if (name != null) {
                return name;
            }
        }
        return internalKey;
    }

    /** EndoLens parameters to the public layout (the inverse of {@link #toInternal}). */
    public Map<String, NDArray> toPublic(Map<String, NDArray> internal) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : internal.entrySet()) {
            String key = e.getKey();
            KeyRule rule = rules.stream().filter(r -> r.toPublic(key) != null).findFirst().orElse(null);
            out.put(publicName(key), rule == null ? e.getValue() : rule.adapter().toPublic(e.getValue()));
        }
        return afterRenameBack.apply(out);
    }
}
