package io.gridcast.jobs;

import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves the default inputs of the settings, which point at the bundled samples. */
final class InputDefaults {

    private InputDefaults() {
    }

    /**
     * Returns {@code configured} unchanged, unless it is a relative path missing from the
     * working folder but present under the gridcast folder ({@code gridcast.home}, which
     * {@code bin/gridcast} sets); then returns that path.
     */
    static String bundled(String configured) {
        String home = System.getProperty("gridcast.home");
        if (home == null || configured.contains(":") || Path.of(configured).isAbsolute()
                || Files.exists(Path.of(configured))) {
            return configured;
        }
        Path underHome = Path.of(home).resolve(configured);
        return Files.exists(underHome) ? underHome.toString() : configured;
    }
}
