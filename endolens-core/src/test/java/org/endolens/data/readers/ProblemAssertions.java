package org.endolens.data.readers;

import org.endolens.data.Problem;
import org.endolens.data.Problems;

import static org.junit.jupiter.api.Assertions.fail;

/** Asserts that a read reported a problem naming a given file and reason. */
final class ProblemAssertions {
    private ProblemAssertions() {}

    /** The one problem whose file ends with {@code fileSuffix} and whose reason contains {@code reasonPart}. */
    static Problem assertReported(Problems problems, String fileSuffix, String reasonPart) {
        return problems.all().stream()
                .filter(p -> p.file().endsWith(fileSuffix) && p.reason().contains(reasonPart))
                .findFirst()
                .orElseGet(() -> fail("no problem with file *" + fileSuffix + " and reason *" + reasonPart + "* in:\n"
                        + problems.summary()));
    }
}
