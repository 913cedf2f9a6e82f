package org.endolens.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Where tests find the shared fixtures and data sets: the system property (set by surefire), else the environment
 * variable, else {@code ../shared} beside the repository.
 */
public final class SharedPaths {
    private SharedPaths() {}

    /** The numerical reference fixtures ({@code endolens.fixtures}, {@code ENDOLENS_FIXTURES}). */
    public static Path fixtures() {
        return locate("endolens.fixtures", "ENDOLENS_FIXTURES", "fixtures");
    }

    /** The shared data sets ({@code endolens.data}, {@code ENDOLENS_DATA}). */
    public static Path data() {
        return locate("endolens.data", "ENDOLENS_DATA", "data");
    }

    /** The fixture folder {@code sub}, skipping the calling test when it is not there. */
    public static Path requireFixtures(String sub) {
        Path dir = fixtures().resolve(sub);
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared fixtures not found at " + dir + "; skipping");
        return dir;
    }

    private static Path locate(String property, String variable, String folder) {
        String configured = System.getProperty(property, System.getenv(variable));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return repositoryRoot().resolve("../shared").resolve(folder).normalize();
    }

    // Tests run in a module directory; the repository root is the first ancestor holding endolens-core.
    private static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("endolens-core"))) {
                return dir;
            }
        }
        return start;
    }
}
