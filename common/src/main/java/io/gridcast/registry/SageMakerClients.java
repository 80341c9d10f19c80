package io.gridcast.registry;

import io.gridcast.config.Settings;
import io.gridcast.ingest.InvalidInputException;
import java.net.URI;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * AWS clients of the SageMaker deployment, built from the {@code sagemaker.*} settings. They
 * take credentials from the default AWS chain (environment, profile, instance role). An
 * endpoint URL setting sends a client to another address, e.g. a loopback server in tests.
 */
public final class SageMakerClients {

    private final Settings settings;
    private final Region region;

    public SageMakerClients(Settings settings) {
        this.settings = settings;
        this.region = region(settings.string("sagemaker.region"));
    }

    /** Returns the region the clients call. */
    public String region() {
        return region.id();
    }

    /** Builds the SageMaker control-plane client (models, endpoint configurations, endpoints). */
    public SageMakerClient sageMaker() {
        return configure(SageMakerClient.builder(), "sagemaker.endpoint-url")
                .region(region).httpClient(ApacheHttpClient.create()).build();
    }

    /** Builds the SageMaker Runtime client, which invokes endpoints. */
    public SageMakerRuntimeClient runtime() {
        return configure(SageMakerRuntimeClient.builder(), "sagemaker.runtime-endpoint-url")
                .region(region).httpClient(ApacheHttpClient.create()).build();
    }

    /** Builds the S3 client that uploads model archives. */
    public S3Client s3() {
        String endpoint = settings.string("sagemaker.s3-endpoint-url");
        if (endpoint.isBlank()) {
            return S3Client.builder().region(region).httpClient(ApacheHttpClient.create()).build();
        }
        // S3-compatible servers take path-style requests and may reject streaming checksums.
        return S3Client.builder().region(region).httpClient(ApacheHttpClient.create())
                .endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED).build();
    }

    private <B extends SdkClientBuilder<B, ?>> B configure(B builder, String endpointKey) {
        String endpoint = settings.string(endpointKey);
        return endpoint.isBlank() ? builder : builder.endpointOverride(URI.create(endpoint));
    }

    private static Region region(String configured) {
        if (!configured.isBlank()) {
            return Region.of(configured);
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkException e) {
            throw new InvalidInputException("No AWS region for SageMaker: set sagemaker.region "
                    + "(e.g. --set sagemaker.region=us-east-1) or AWS_REGION");
        }
    }
}
