package io.gridcast.jobs;

import io.gridcast.config.Settings;
import io.gridcast.ingest.InvalidInputException;
import io.gridcast.registry.EndpointPredictions;
import io.gridcast.registry.EndpointPredictions.ModelFeatures;
import io.gridcast.registry.SageMakerClients;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/** {@code gridcast predict}: feature rows through a deployed SageMaker endpoint. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {
            "Sends CSV feature rows to a SageMaker endpoint (text/csv, in batches of "
                    + "sagemaker.predict-batch-rows) and writes one prediction per row. With "
                    + "--features (the model-features.json that deploy uploads), a header line "
                    + "is checked against the model's feature order, and a model trained on "
                    + "the log of its target gets exp applied."})
final class PredictCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(PredictCommand.class);

    @Mixin
    JobOptions options;

    @Option(names = "--endpoint", required = true, paramLabel = "NAME",
            description = "InService SageMaker endpoint.")
    String endpointName;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "CSV feature rows in the model's feature order, an optional header "
                    + "line, a missing value left empty.")
    Path input;

    @Option(names = "--features", paramLabel = "FILE_OR_S3_URL",
            description = "model-features.json of the deployed model: a file, file: URI or "
                    + "s3:// (or s3a://) URL.")
    String featuresUri;

    @Option(names = "--output", paramLabel = "FILE",
            description = "CSV file of predictions (default: standard output).")
    Path output;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        if (output != null && output.toAbsolutePath().getParent() != null
                && !Files.isDirectory(output.toAbsolutePath().getParent())) {
            throw new InvalidInputException("Cannot write --output " + output + ": folder "
                    + output.toAbsolutePath().getParent() + " not found");
        }
        Settings settings = options.settings();
        SageMakerClients clients = new SageMakerClients(settings);
        ModelFeatures features = featuresUri == null ? ModelFeatures.UNKNOWN
                : modelFeatures(clients, featuresUri);
        List<String> rows = EndpointPredictions.requestRows(lines(input), input.toString(),
                features.names());

        double[] predictions;
        try (SageMakerRuntimeClient runtime = clients.runtime()) {
            predictions = new EndpointPredictions(runtime,
                    settings.integer("sagemaker.predict-batch-rows"), LOG::info)
                    .predict(endpointName, rows);
        }
        write(predictions, features);

        PrintStream summary = output == null ? System.err : System.out;
        summary.printf("predict finished in %.1f s: %d rows sent to endpoint %s, %d "
                + "predictions%s%s%n", (System.nanoTime() - start) / 1e9, rows.size(),
                endpointName, predictions.length,
                featuresNote(features), output == null ? "" : ", written to " + output);
        return 0;
    }

    private String featuresNote(ModelFeatures features) {
        if (featuresUri == null) {
            return " (as the endpoint returned them: pass --features to check the header and "
                    + "undo a log target)";
        }
        return features.logTarget() ? " (exp of the returned log of " + features.target() + ")"
                : "";
    }

    private void write(double[] predictions, ModelFeatures features) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(features.logTarget() ? "row,prediction,log_prediction"
                : "row,prediction");
        for (int i = 0; i < predictions.length; i++) {
            lines.add(features.logTarget()
                    ? (i + 1) + "," + Math.exp(predictions[i]) + "," + predictions[i]
                    : (i + 1) + "," + predictions[i]);
        }
        if (output == null) {
            lines.forEach(System.out::println);
        } else {
            Files.write(output, lines, StandardCharsets.UTF_8);
        }
    }

    private static ModelFeatures modelFeatures(SageMakerClients clients, String uri) {
        String location = uri.startsWith("s3a://") ? "s3://" + uri.substring("s3a://".length())
                : uri;
        if (location.startsWith("s3://")) {
            return ModelFeatures.parse(s3Object(clients, location), uri);
        }
        Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        try {
            return ModelFeatures.parse(Files.readAllBytes(file), uri);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read --features " + uri + ": "
                    + (Files.exists(file) ? e.getMessage() : "file not found"));
        }
    }

    private static byte[] s3Object(SageMakerClients clients, String uri) {
        URI object = URI.create(uri);
        try (S3Client s3 = clients.s3()) {
            return s3.getObjectAsBytes(get -> get.bucket(object.getHost())
                    .key(object.getPath().substring(1))).asByteArray();
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            throw new InvalidInputException("Cannot read --features " + uri + ": no such object");
        } catch (SdkException e) {
            throw new InvalidInputException("Cannot read --features " + uri + ": "
                    + e.getMessage().replaceFirst(" \\(Service:.*", ""));
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read --input " + file + ": "
                    + (Files.exists(file) ? e.getMessage() : "file not found"));
        }
    }
}
