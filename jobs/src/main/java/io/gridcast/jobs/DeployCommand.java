package io.gridcast.jobs;

import io.gridcast.config.Settings;
import io.gridcast.ingest.InvalidInputException;
import io.gridcast.registry.ModelVersion;
import io.gridcast.registry.SageMakerClients;
import io.gridcast.registry.SageMakerDeployment;
import io.gridcast.registry.SageMakerExport;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** {@code gridcast deploy}: registered models behind serving endpoints. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Deploys a registered model to a serving platform.",
        subcommands = DeployCommand.SageMaker.class)
final class DeployCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code deploy sagemaker}: a real-time endpoint of the built-in XGBoost container. */
    @Command(name = "sagemaker", mixinStandardHelpOptions = true,
            description = {
                "Uploads model.tar.gz and model-features.json of a registered XGBoost model to "
                        + "sagemaker.model-data-prefix, creates the SageMaker model (XGBoost "
                        + SageMakerExport.CONTAINER_VERSION + " image of the region), an "
                        + "endpoint configuration and the endpoint (or updates an existing "
                        + "endpoint), and waits until it is InService."})
    static final class SageMaker implements Callable<Integer> {

        private static final Logger LOG = LoggerFactory.getLogger(SageMaker.class);

        @Mixin
        JobOptions options;

        @Option(names = "--model", required = true, paramLabel = "NAME[:VERSION]",
                description = "Registered XGBoost model; without :VERSION, its production "
                        + "version, else its latest.")
        String reference;

        @Option(names = "--endpoint", paramLabel = "NAME",
                description = "Endpoint to create or update (default: the model name).")
        String endpointName;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (endpointName != null) {
                try {
                    SageMakerDeployment.checkEndpointName(endpointName);
                } catch (InvalidInputException e) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            e.getMessage());
                }
            }
            Settings settings = options.settings();
            SageMakerDeployment.Options.from(settings).checked();
            SageMakerClients clients = new SageMakerClients(settings);
            try (JobContext context = new JobContext("deploy-sagemaker", settings, 3,
                    Clock.systemUTC())) {
                context.progress.stage("export");
                ModelVersion version = ModelsCommand.lookUpForServing(context.registry(),
                        reference);
                SageMakerExport.Package exported = new SageMakerExport(
                        context.spark.sparkContext().hadoopConfiguration()).pack(version);

                context.progress.stage("deploy");
                SageMakerDeployment.Deployed deployed = deploy(context, clients, version,
                        exported);

                System.out.printf("deploy sagemaker finished in %.1f s: %s v%d (%s) %s endpoint %s "
                        + "(InService after %d s), model %s, configuration %s, image %s, "
                        + "model data %s, features %s%n", context.progress.elapsedSeconds(),
                        version.modelName(), version.modelVersion(), version.stage(),
                        deployed.action(),
                        deployed.endpointName(), deployed.waited().toSeconds(),
                        deployed.modelName(), deployed.endpointConfigName(), deployed.imageUri(),
                        deployed.modelDataUrl(), deployed.featuresUrl());
            }
            return 0;
        }

        private SageMakerDeployment.Deployed deploy(JobContext context,
                SageMakerClients clients, ModelVersion version,
                SageMakerExport.Package exported) {
            String endpoint = endpointName != null ? endpointName
                    : SageMakerDeployment.resourceName(version.modelName(), "");
            try (SageMakerClient sageMaker = clients.sageMaker(); S3Client s3 = clients.s3()) {
                return new SageMakerDeployment(sageMaker, s3,
                        SageMakerDeployment.Options.from(context.settings), clients.region(),
                        LOG::info).deploy(version, exported, endpoint);
            }
        }
    }
}
