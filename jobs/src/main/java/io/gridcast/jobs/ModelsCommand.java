package io.gridcast.jobs;

import io.gridcast.registry.ModelRegistry;
import io.gridcast.registry.ModelVersion;
import io.gridcast.registry.RegistryJson;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gridcast models}: the versions in model_registry. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Lists, shows, compares and promotes the model versions in "
                + "model_registry.",
        subcommands = {ModelsCommand.ListVersions.class, ModelsCommand.Show.class,
            ModelsCommand.Compare.class, ModelsCommand.Promote.class})
final class ModelsCommand implements Runnable {

    /** Narrowest column of a version in {@code compare}. */
    private static final int COLUMN_WIDTH = 24;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code models list}: the latest version of each model, or every version of one. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists every model's versions: stage, algorithm, test window and "
                    + "the first test metrics.")
    static final class ListVersions implements Callable<Integer> {

        @Mixin
        JobOptions options;

        @Parameters(arity = "0..1", paramLabel = "NAME", description = "Only this model.")
        String name;

        @Override
        public Integer call() {
            List<ModelVersion> versions = inRegistry(options, "models-list",
                    registry -> registry.versions(name));
            printList(System.out, versions);
            System.out.printf("models list: %d version(s) of %d model(s)%n", versions.size(),
                    versions.stream().map(ModelVersion::modelName).distinct().count());
            return 0;
        }
    }

    /** {@code models show NAME[:VERSION]}: every field of one version. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Shows one version (the latest without :VERSION): windows, input "
                    + "fingerprint, artifact, parameters and metrics.")
    static final class Show implements Callable<Integer> {

        @Mixin
        JobOptions options;

        @Parameters(paramLabel = "NAME[:VERSION]")
        String reference;

        @Override
        public Integer call() {
            ModelVersion version = inRegistry(options, "models-show",
                    registry -> lookUp(registry, reference));
            printVersion(System.out, version);
            return 0;
        }
    }

    /** {@code models compare A B ...}: parameters that differ and metrics side by side. */
    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Compares two or more versions: the parameters that differ, then "
                    + "every metric side by side.")
    static final class Compare implements Callable<Integer> {

        @Mixin
        JobOptions options;

        @Parameters(arity = "2..*", paramLabel = "NAME[:VERSION]")
        List<String> references;

        @Override
        public Integer call() {
            List<ModelVersion> versions = inRegistry(options, "models-compare",
                    registry -> references.stream().map(r -> lookUp(registry, r)).toList());
            printComparison(System.out, versions);
            return 0;
        }
    }

    /** {@code models promote NAME:VERSION}: the one production version of a model. */
    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = "Marks one version production and the model's other versions "
                    + "candidate, in one commit.")
    static final class Promote implements Callable<Integer> {

        @Mixin
        JobOptions options;

        @Parameters(paramLabel = "NAME:VERSION")
        String reference;

        @Override
        public Integer call() {
            ModelVersion promoted = inRegistry(options, "models-promote", registry -> {
                ModelVersion version = lookUp(registry, reference);
                registry.promote(version.modelName(), version.modelVersion());
                return version;
            });
            System.out.printf("models promote: %s v%d is production; its other versions are "
                    + "candidate%n", promoted.modelName(), promoted.modelVersion());
            return 0;
        }
    }

    private static <T> T inRegistry(JobOptions options, String job,
            Function<ModelRegistry, T> action) {
        try (JobContext context = new JobContext(job, options.settings(), 1,
                Clock.systemUTC())) {
            return action.apply(context.registry());
        }
    }

    /** Looks up {@code NAME} (latest version) or {@code NAME:VERSION}. */
    static ModelVersion lookUp(ModelRegistry registry, String reference) {
        int colon = reference.lastIndexOf(':');
        if (colon < 0) {
            return registry.version(reference, null);
        }
        String version = reference.substring(colon + 1).replaceFirst("^v", "");
        try {
            return registry.version(reference.substring(0, colon), Integer.valueOf(version));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid model reference: " + reference
                    + " (expected NAME or NAME:VERSION, e.g. load-xgboost-pjme:2)");
        }
    }

    /**
     * Looks up the version to serve: {@code NAME:VERSION} as given, or for a bare name the
     * production version, else the latest one.
     */
    static ModelVersion lookUpForServing(ModelRegistry registry, String reference) {
        if (reference.lastIndexOf(':') >= 0) {
            return lookUp(registry, reference);
        }
        return registry.versions(reference).stream()
                .filter(version -> "production".equals(version.stage()))
                .findFirst()
                .orElseGet(() -> registry.version(reference, null));
    }

    static void printList(PrintStream out, List<ModelVersion> versions) {
        out.printf("%-28s %7s %-10s %-14s %-23s %s%n", "model", "version", "stage",
                "algorithm", "test window", "test metrics");
        for (ModelVersion version : versions) {
            out.printf("%-28s %7d %-10s %-14s %-23s %s%n", version.modelName(),
                    version.modelVersion(), version.stage(), version.algorithm(),
                    version.testStart() + " to " + version.testEnd(),
                    firstMetrics(version.metricsJson(), 3));
        }
    }

    static void printVersion(PrintStream out, ModelVersion version) {
        out.printf("%s v%d (%s, %s)%n", version.modelName(), version.modelVersion(),
                version.stage(), version.algorithm());
        out.printf("  target %s, iso %s, zone %s%n", version.target(), version.iso(),
                version.zone());
        out.printf("  training %s to %s%s, test %s to %s%n", version.trainStart(),
                version.trainEnd(), version.validationStart() == null ? ""
                        : ", validation " + version.validationStart() + " to "
                                + version.validationEnd(),
                version.testStart(), version.testEnd());
        out.printf("  input %d rows, fingerprint %s%n", version.inputRows(),
                version.inputFingerprint());
        out.printf("  artifact %s%n", version.artifactUri());
        out.printf("  created %s by run %s, gridcast %s%n", version.createdAtUtc(),
                version.runId(), version.codeVersion());
        out.println("  parameters:");
        RegistryJson.flatten(version.parametersJson()).forEach((k, v) -> out.printf("    %s = %s%n", k, v));
        out.println("  metrics:");
        RegistryJson.flatten(version.metricsJson()).forEach((k, v) -> out.printf("    %s = %s%n", k, v));
    }

    static void printComparison(PrintStream out, List<ModelVersion> versions) {
        List<Map<String, String>> parameters = versions.stream()
                .map(v -> RegistryJson.flatten(v.parametersJson())).toList();
        List<Map<String, String>> metrics = versions.stream()
                .map(v -> RegistryJson.flatten(v.metricsJson())).toList();
        List<String> names = versions.stream()
                .map(v -> v.modelName() + ":" + v.modelVersion()).toList();
        int width = Math.max(COLUMN_WIDTH,
                names.stream().mapToInt(String::length).max().orElse(0));
        StringBuilder header = new StringBuilder(String.format("%-40s", ""));
        names.forEach(name -> header.append(String.format(" %" + width + "s", name)));
        out.println(header);
        out.println("parameters that differ:");
        printRows(out, parameters, true, width);
        out.println("metrics:");
        printRows(out, metrics, false, width);
    }

    private static void printRows(PrintStream out, List<Map<String, String>> columns,
            boolean differingOnly, int width) {
        Set<String> keys = new LinkedHashSet<>();
        columns.forEach(column -> keys.addAll(column.keySet()));
        int printed = 0;
        for (String key : keys) {
            List<String> values = columns.stream().map(c -> c.getOrDefault(key, "-")).toList();
            if (differingOnly && values.stream().distinct().count() == 1) {
                continue;
            }
            StringBuilder line = new StringBuilder(String.format("  %-38s", key));
            values.forEach(value -> line.append(String.format(" %" + width + "s",
                    abbreviate(value, width))));
            out.println(line);
            printed++;
        }
        if (printed == 0) {
            out.println("  (none)");
        }
    }

    private static String abbreviate(String value, int width) {
        return value.length() <= width ? value : value.substring(0, width - 3) + "...";
    }

    private static String firstMetrics(String metricsJson, int count) {
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, String> entry : RegistryJson.flatten(metricsJson).entrySet()) {
            if (entries.size() == count) {
                break;
            }
            entries.add(entry.getKey() + "=" + entry.getValue());
        }
        return String.join(", ", entries);
    }
}
