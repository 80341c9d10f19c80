package io.gridcast.registry;

import io.gridcast.config.Settings;
import io.gridcast.ingest.InvalidInputException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointResponse;
import software.amazon.awssdk.services.sagemaker.model.EndpointStatus;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariant;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/**
 * Deploys an exported XGBoost model to a SageMaker real-time endpoint. It uploads the archive
 * and its feature list to S3 and creates the model and an endpoint configuration. Then it
 * creates the endpoint, or points an existing one at the new configuration, and waits until
 * it is InService. Names derive from the registered model, its version and the SHA-256 of
 * the archive, so deploying the same booster again reuses the model and configuration and
 * leaves an InService endpoint as it is, while a different booster never reuses them.
 */
public final class SageMakerDeployment {

    /** SageMaker's pattern for model, configuration and endpoint names. */
    private static final Pattern RESOURCE_NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
    private static final int MAX_NAME_LENGTH = 63;
    private static final Pattern S3_PREFIX = Pattern.compile(
            "s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?");

    /**
     * Deployment settings: S3 location, IAM role, image, instances and waiting.
     *
     * @param modelDataPrefix {@code s3://bucket/prefix} under which the archives go
     * @param executionRoleArn IAM role SageMaker assumes to read the archive
     * @param imageUri container image; the region's built-in XGBoost image when blank
     * @param instanceType instance type of the endpoint, e.g. ml.m5.large
     * @param instanceCount number of instances behind the endpoint
     * @param pollInterval time between status checks while waiting
     * @param maxWait longest wait for InService
     */
    public record Options(String modelDataPrefix, String executionRoleArn, String imageUri,
            String instanceType, int instanceCount, Duration pollInterval, Duration maxWait) {

        /** Reads the options from the {@code sagemaker.*} settings. */
        public static Options from(Settings settings) {
            return new Options(settings.string("sagemaker.model-data-prefix"),
                    settings.string("sagemaker.execution-role-arn"),
                    settings.string("sagemaker.image-uri"),
                    settings.string("sagemaker.instance-type"),
                    settings.integer("sagemaker.initial-instance-count"),
                    Duration.ofMillis(Math.round(settings.number("sagemaker.poll-seconds") * 1000)),
                    Duration.ofMinutes(settings.integer("sagemaker.wait-minutes")));
        }

        /** Checks every option and reports all invalid ones in one message. */
        public Options checked() {
            List<String> problems = new ArrayList<>();
            if (!S3_PREFIX.matcher(modelDataPrefix).matches()) {
                problems.add("sagemaker.model-data-prefix '" + modelDataPrefix + "' is not an "
                        + "s3://bucket/prefix URL: set it to where SageMaker reads the archive");
            }
            if (!executionRoleArn.startsWith("arn:")) {
                problems.add("sagemaker.execution-role-arn is missing: set it to the ARN of "
                        + "the IAM role SageMaker assumes to read the archive");
            }
            if (instanceCount < 1) {
                problems.add("sagemaker.initial-instance-count " + instanceCount
                        + " is below 1");
            }
            if (maxWait.toMinutes() < 1) {
                problems.add("sagemaker.wait-minutes " + maxWait.toMinutes() + " is below 1");
            }
            if (pollInterval.toMillis() < 1000 || pollInterval.compareTo(maxWait) > 0) {
                problems.add("sagemaker.poll-seconds " + pollInterval.toMillis() / 1000.0
                        + " is outside 1 s to sagemaker.wait-minutes");
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException("Invalid SageMaker settings: "
                        + String.join("; ", problems));
            }
            return this;
        }
    }

    /**
     * Resources a deployment created or reused.
     *
     * @param endpointName the InService endpoint
     * @param modelName SageMaker model
     * @param endpointConfigName endpoint configuration now behind the endpoint
     * @param modelDataUrl S3 URL of {@code model.tar.gz}
     * @param featuresUrl S3 URL of {@code model-features.json}
     * @param imageUri container image
     * @param action created, updated or unchanged
     * @param waited time spent waiting for InService
     */
    public record Deployed(String endpointName, String modelName, String endpointConfigName,
            String modelDataUrl, String featuresUrl, String imageUri, String action,
            Duration waited) {
    }

    private final SageMakerClient sageMaker;
    private final S3Client s3;
    private final Options options;
    private final String imageUri;
    private final Consumer<String> progress;

    public SageMakerDeployment(SageMakerClient sageMaker, S3Client s3, Options options,
            String region, Consumer<String> progress) {
        this.sageMaker = sageMaker;
        this.s3 = s3;
        this.options = options.checked();
        this.imageUri = options.imageUri().isBlank() ? XgboostImageUris.forRegion(region)
                : options.imageUri();
        this.progress = progress;
    }

    /** Deploys {@code exported}, the package of {@code version}, behind {@code endpointName}. */
    public Deployed deploy(ModelVersion version, SageMakerExport.Package exported,
            String endpointName) {
        checkEndpointName(endpointName);
        String release = "v" + version.modelVersion() + "-" + shortHash(exported.archive());
        String folder = options.modelDataPrefix().replaceAll("/+$", "") + "/"
                + version.modelName() + "/" + release;
        String modelDataUrl = upload(folder + "/" + SageMakerExport.ARCHIVE, exported.archive());
        String featuresUrl = upload(folder + "/" + SageMakerExport.FEATURES_FILE,
                exported.description());

        String modelName = resourceName(version.modelName(), "-" + release);
        createModel(modelName, modelDataUrl, version);
        String configName = resourceName(version.modelName(), "-" + release + "-"
                + instanceLabel());
        createEndpointConfig(configName, modelName);

        String action = createOrUpdateEndpoint(endpointName, configName);
        Duration waited = awaitInService(endpointName, configName);
        return new Deployed(endpointName, modelName, configName, modelDataUrl, featuresUrl,
                imageUri, action, waited);
    }

    private String upload(String s3Url, byte[] content) {
        URI uri = URI.create(s3Url);
        String key = uri.getPath().substring(1);
        progress.accept("uploading " + s3Url + " (" + content.length + " bytes)");
        call("Uploading " + s3Url, () -> s3.putObject(put -> put.bucket(uri.getHost()).key(key),
                RequestBody.fromBytes(content)));
        return s3Url;
    }

    private void createModel(String modelName, String modelDataUrl, ModelVersion version) {
        try {
            sageMaker.createModel(model -> model.modelName(modelName)
                    .executionRoleArn(options.executionRoleArn())
                    .primaryContainer(container -> container.image(imageUri)
                            .modelDataUrl(modelDataUrl))
                    .tags(Tag.builder().key("gridcast:model").value(version.modelName()).build(),
                            Tag.builder().key("gridcast:model-version")
                                    .value(String.valueOf(version.modelVersion())).build()));
            progress.accept("created model " + modelName + " (" + imageUri + ")");
        } catch (SdkException e) {
            requireAlreadyExists(e, "model " + modelName);
            progress.accept("model " + modelName + " exists, reused");
        }
    }

    private void createEndpointConfig(String configName, String modelName) {
        try {
            sageMaker.createEndpointConfig(config -> config.endpointConfigName(configName)
                    .productionVariants(ProductionVariant.builder().variantName("AllTraffic")
                            .modelName(modelName).instanceType(options.instanceType())
                            .initialInstanceCount(options.instanceCount())
                            .initialVariantWeight(1.0f).build()));
            progress.accept("created endpoint configuration " + configName);
        } catch (SdkException e) {
            requireAlreadyExists(e, "endpoint configuration " + configName);
            progress.accept("endpoint configuration " + configName + " exists, reused");
        }
    }

    private String createOrUpdateEndpoint(String endpointName, String configName) {
        DescribeEndpointResponse existing = describeIfExists(endpointName);
        if (existing == null) {
            call("Creating endpoint " + endpointName, () -> sageMaker.createEndpoint(endpoint ->
                    endpoint.endpointName(endpointName).endpointConfigName(configName)));
            progress.accept("creating endpoint " + endpointName);
            return "created";
        }
        EndpointStatus status = existing.endpointStatus();
        if (status == EndpointStatus.FAILED) {
            throw new DeploymentException("Endpoint " + endpointName + " is Failed ("
                    + reason(existing) + "). SageMaker accepts only DeleteEndpoint on a failed "
                    + "endpoint: delete it (aws sagemaker delete-endpoint --endpoint-name "
                    + endpointName + ") and deploy again");
        }
        if (status != EndpointStatus.IN_SERVICE) {
            throw new DeploymentException("Endpoint " + endpointName + " is " + status
                    + ": wait until it is InService, then deploy again");
        }
        if (configName.equals(existing.endpointConfigName())) {
            progress.accept("endpoint " + endpointName + " already serves " + configName);
            return "unchanged";
        }
        call("Updating endpoint " + endpointName, () -> sageMaker.updateEndpoint(endpoint ->
                endpoint.endpointName(endpointName).endpointConfigName(configName)));
        progress.accept("updating endpoint " + endpointName + " from "
                + existing.endpointConfigName() + " to " + configName);
        return "updated";
    }

    private Duration awaitInService(String endpointName, String configName) {
        Instant start = Instant.now();
        progress.accept("waiting for " + endpointName + " to be InService (at most "
                + options.maxWait().toMinutes() + " min)");
        WaiterOverrideConfiguration waiting = WaiterOverrideConfiguration.builder()
                .backoffStrategy(FixedDelayBackoffStrategy.create(options.pollInterval()))
                .maxAttempts(Math.max(1, (int) (options.maxWait().toMillis()
                        / Math.max(1, options.pollInterval().toMillis()))))
                .waitTimeout(options.maxWait())
                .build();
        try {
            sageMaker.waiter().waitUntilEndpointInService(DescribeEndpointRequest.builder()
                    .endpointName(endpointName).build(), waiting);
        } catch (SdkClientException e) {
            throw failure(endpointName, e);
        } catch (SdkException e) {
            throw requestFailure("Waiting for endpoint " + endpointName, e);
        }
        DescribeEndpointResponse served = describeIfExists(endpointName);
        if (!configName.equals(served.endpointConfigName())) {
            throw new DeploymentException("Endpoint " + endpointName + " rolled back to "
                    + served.endpointConfigName() + " instead of serving " + configName + ": "
                    + reason(served) + logHint(endpointName));
        }
        return Duration.between(start, Instant.now());
    }

    private DeploymentException failure(String endpointName, SdkClientException waitError) {
        DescribeEndpointResponse endpoint = describeIfExists(endpointName);
        if (endpoint != null && endpoint.endpointStatus() == EndpointStatus.FAILED) {
            return new DeploymentException("Endpoint " + endpointName + " failed: "
                    + reason(endpoint) + logHint(endpointName));
        }
        String status = endpoint == null ? "missing" : String.valueOf(endpoint.endpointStatus());
        return new DeploymentException("Endpoint " + endpointName + " is not InService after "
                + options.maxWait().toMinutes() + " min (status " + status + ")"
                + logHint(endpointName));
    }

    private DescribeEndpointResponse describeIfExists(String endpointName) {
        try {
            return sageMaker.describeEndpoint(request -> request.endpointName(endpointName));
        } catch (SdkException e) {
            if (message(e).contains("Could not find endpoint")) {
                return null;
            }
            throw requestFailure("Describing endpoint " + endpointName, e);
        }
    }

    private static <T> T call(String step, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw requestFailure(step, e);
        }
    }

    /** Names the step and the service's message, without the SDK's exception classes. */
    private static DeploymentException requestFailure(String step, SdkException e) {
        String status = e instanceof SdkServiceException service
                ? " (HTTP " + service.statusCode() + ")" : "";
        return new DeploymentException(step + " failed" + status + ": " + message(e));
    }

    private static String reason(DescribeEndpointResponse endpoint) {
        return endpoint.failureReason() == null ? "no failure reason given"
                : endpoint.failureReason().replaceFirst("\\.+$", "");
    }

    private static String logHint(String endpointName) {
        return ". Its container logs are in CloudWatch, log group /aws/sagemaker/Endpoints/"
                + endpointName;
    }

    private static void requireAlreadyExists(SdkException e, String resource) {
        if (!message(e).contains("already existing")) {
            throw requestFailure("Creating " + resource, e);
        }
    }

    private static String message(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorMessage() != null) {
            return service.awsErrorDetails().errorMessage();
        }
        String text = String.valueOf(e.getMessage());
        return text.contains("(") && e.getCause() != null
                ? text.substring(0, text.indexOf('(')).trim() : text;
    }

    private static String shortHash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content))
                    .substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    private String instanceLabel() {
        return options.instanceType().replaceFirst("^ml\\.", "").replace('.', '-') + "-x"
                + options.instanceCount();
    }

    /** Returns {@code base + suffix} as a valid SageMaker name, shortening base if needed. */
    public static String resourceName(String base, String suffix) {
        String cleaned = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        int room = MAX_NAME_LENGTH - suffix.length();
        String shortened = cleaned.length() > room ? cleaned.substring(0, room) : cleaned;
        return shortened.replaceAll("-+$", "") + suffix;
    }

    /** Checks {@code name} against SageMaker's pattern for endpoint names. */
    public static void checkEndpointName(String name) {
        if (name == null || !RESOURCE_NAME.matcher(name).matches()) {
            throw new InvalidInputException("Invalid endpoint name '" + name + "': use 1 to 63 "
                    + "letters, digits and hyphens, starting with a letter or digit");
        }
    }

    /** Raised when SageMaker rejects a request or the endpoint does not reach InService. */
    public static final class DeploymentException extends RuntimeException {

        public DeploymentException(String message) {
            super(message);
        }

        public DeploymentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
