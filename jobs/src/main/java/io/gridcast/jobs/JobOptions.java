package io.gridcast.jobs;

import io.gridcast.config.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every job takes: the settings file, the warehouse and single-setting overrides. */
final class JobOptions {

    @Option(names = "--conf", paramLabel = "FILE",
            description = "HOCON settings applied over the embedded conf/local.conf.")
    Path confFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Overrides one setting, e.g. --set xgboost.num-workers=1 "
                    + "(the gridcast. prefix is optional). Repeatable.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--warehouse", paramLabel = "URI",
            description = "Where tables and models are written: a folder, file:, s3a:// or "
                    + "s3:// URI. Same as --set storage.warehouse=URI.")
    String warehouse;

    Settings settings() {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        if (warehouse != null) {
            all.put("storage.warehouse", warehouse);
        }
        return Settings.load(confFile, all);
    }
}
