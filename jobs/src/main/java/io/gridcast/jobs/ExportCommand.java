package io.gridcast.jobs;

import io.gridcast.io.Warehouse;
import io.gridcast.registry.ModelVersion;
import io.gridcast.registry.SageMakerExport;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gridcast export}: registered models in other serving formats. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Packs a registered model for a serving platform.",
        subcommands = ExportCommand.SageMaker.class)
final class ExportCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code export sagemaker}: model.tar.gz for SageMaker's built-in XGBoost container. */
    @Command(name = "sagemaker", mixinStandardHelpOptions = true,
            description = {
                "Writes model.tar.gz (the booster as xgboost-model) for SageMaker's built-in "
                        + "XGBoost container " + SageMakerExport.CONTAINER_VERSION
                        + ", and model-features.json beside it: the feature order of the "
                        + "CSV rows the endpoint takes (no header) and what it returns."})
    static final class SageMaker implements Callable<Integer> {

        @Mixin
        JobOptions options;

        @Option(names = "--model", required = true, paramLabel = "NAME[:VERSION]",
                description = "Registered XGBoost model; without :VERSION, its production "
                        + "version, else its latest.")
        String reference;

        @Option(names = "--output", paramLabel = "URI",
                description = "Folder to write (default: <warehouse>/exports/sagemaker/"
                        + "<model>/v<version>).")
        String output;

        @Override
        public Integer call() {
            try (JobContext context = new JobContext("export-sagemaker", options.settings(), 1,
                    Clock.systemUTC())) {
                ModelVersion version = ModelsCommand.lookUpForServing(context.registry(),
                        reference);
                String folder = output != null ? Warehouse.toUri(output) : context.warehouse.resolve(
                        "exports/sagemaker/" + version.modelName() + "/v"
                                + version.modelVersion());
                SageMakerExport.Result result = new SageMakerExport(
                        context.spark.sparkContext().hadoopConfiguration())
                        .export(version, folder);
                System.out.printf("export sagemaker: %s v%d -> %s (%d features%s) and %s, "
                        + "for the XGBoost %s container%n", version.modelName(),
                        version.modelVersion(), result.archiveUri(), result.features().size(),
                        result.logTarget() ? ", predicts the log of " + version.target() : "",
                        result.featuresUri(), SageMakerExport.CONTAINER_VERSION);
            }
            return 0;
        }
    }
}
