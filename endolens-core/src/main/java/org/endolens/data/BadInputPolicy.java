package org.endolens.data;

import java.util.Locale;

/** What to do with an unreadable or inconsistent input: skip it (and count it) or stop with its error. */
public enum BadInputPolicy {
    SKIP,
    FAIL;

    public static BadInputPolicy parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--on-bad-input " + name + ": expected skip or fail", e);
        }
    }
}
