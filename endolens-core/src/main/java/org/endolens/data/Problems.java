package org.endolens.data;

import org.endolens.DataFormatException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects bad inputs under a {@link BadInputPolicy}: with SKIP each problem is recorded and the caller moves on;
 * with FAIL the first problem is thrown. Nothing is dropped silently: callers print {@link #summary()} at the end.
 */
public final class Problems {
    private final BadInputPolicy policy;
    private final List<Problem> found = new ArrayList<>();

    public Problems(BadInputPolicy policy) {
        this.policy = policy;
    }

    /** Records a problem, or throws it under FAIL. */
    public synchronized void report(String file, String reason) {
        Problem problem = new Problem(file, reason);
        if (policy == BadInputPolicy.FAIL) {
            throw new DataFormatException(problem.toString());
        }
        found.add(problem);
    }

    public synchronized List<Problem> all() {
        return Collections.unmodifiableList(new ArrayList<>(found));
    }

    public synchronized int count() {
        return found.size();
    }

    /** "no bad inputs" or "N bad inputs skipped" followed by one line per problem. */
    public synchronized String summary() {
        if (found.isEmpty()) {
            return "no bad inputs";
        }
        StringBuilder s = new StringBuilder(found.size() + " bad input" + (found.size() == 1 ? "" : "s") + " skipped:");
        for (Problem p : found) {
            s.append(System.lineSeparator()).append("  ").append(p);
        }
        return s.toString();
    }
}
