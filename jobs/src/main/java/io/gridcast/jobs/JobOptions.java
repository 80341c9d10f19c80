package io.gridcast.jobs;

import io.gridcast.config.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every job takes: the settings file and single-setting overrides. */
final class JobOptions {

    @Option(names = "--conf", paramLabel = "FILE",
            description = "HOCON settings applied over the embedded conf/local.conf.")
    Path confFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Overrides one setting, e.g. --set xgboost.num-workers=1 "
                    + "(the gridcast. prefix is optional). Repeatable.")
    Map<String, String> overrides = new LinkedHashMap<>();

    Settings settings() {
        return Settings.load(confFile, overrides);
    }
}
