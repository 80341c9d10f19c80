package io.gridcast.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.ingest.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;

/**
 * Sends feature rows to a SageMaker endpoint of the built-in XGBoost container as
 * {@code text/csv} requests, in batches, and reads one prediction per row back.
 */
public final class EndpointPredictions {

    public static final String CONTENT_TYPE = "text/csv";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOG_PREFIX = "natural log of ";

    /**
     * Feature order and target of a deployed model, from its {@code model-features.json}.
     *
     * @param names feature names in request order, empty when unknown
     * @param target what the model predicts, e.g. load_mw
     * @param logTarget whether the endpoint returns the natural log of the target
     */
    public record ModelFeatures(List<String> names, String target, boolean logTarget) {

        public static final ModelFeatures UNKNOWN = new ModelFeatures(List.of(), "prediction",
                false);

        /** Reads the feature description that {@link SageMakerExport} writes. */
        public static ModelFeatures parse(byte[] json, String source) {
            JsonNode description;
            try {
                description = JSON.readTree(json);
            } catch (IOException e) {
                throw new InvalidInputException("Invalid JSON in " + source + ": "
                        + e.getMessage());
            }
            if (description == null || !description.path("features").isArray()) {
                throw new InvalidInputException(source + " has no \"features\" list: is it "
                        + "the model-features.json of a gridcast export?");
            }
            List<String> names = new ArrayList<>();
            description.path("features").forEach(name -> names.add(name.asText()));
            String prediction = description.path("prediction").asText("prediction");
            boolean logTarget = prediction.startsWith(LOG_PREFIX);
            String target = logTarget
                    ? prediction.substring(LOG_PREFIX.length()).replaceFirst(":.*", "")
                    : prediction;
            return new ModelFeatures(List.copyOf(names), target, logTarget);
        }
    }

    private final SageMakerRuntimeClient runtime;
    private final int batchRows;
    private final Consumer<String> progress;

    public EndpointPredictions(SageMakerRuntimeClient runtime, int batchRows,
            Consumer<String> progress) {
        if (batchRows < 1) {
            throw new InvalidInputException("Invalid sagemaker.predict-batch-rows " + batchRows
                    + ": at least 1");
        }
        this.runtime = runtime;
        this.batchRows = batchRows;
        this.progress = progress;
    }

    /**
     * Checks the rows of a CSV request file and returns them without the header line. A
     * first line that is not numeric is a header: it must list {@code features} in order
     * when they are known. Every row must have as many cells as there are features (or as
     * the first row when the features are unknown), each a number or empty.
     *
     * @param lines the file's lines
     * @param fileName name for error messages
     * @param features feature names in request order, or an empty list when unknown
     */
    public static List<String> requestRows(List<String> lines, String fileName,
            List<String> features) {
        int first = 0;
        if (!lines.isEmpty() && isHeader(lines.get(0))) {
            checkHeader(lines.get(0), fileName, features);
            first = 1;
        }
        int columns = features.isEmpty() && lines.size() > first
                ? lines.get(first).split(",", -1).length : features.size();
        List<String> rows = new ArrayList<>();
        for (int i = first; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                rows.add(checkedRow(lines.get(i), fileName, i + 1, columns));
            }
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(fileName + " has no feature rows");
        }
        return rows;
    }

    /** Invokes {@code endpointName} on {@code rows} and returns one prediction per row. */
    public double[] predict(String endpointName, List<String> rows) {
        double[] predictions = new double[rows.size()];
        for (int start = 0; start < rows.size(); start += batchRows) {
            List<String> batch = rows.subList(start, Math.min(rows.size(), start + batchRows));
            double[] answers = invoke(endpointName, batch, start);
            System.arraycopy(answers, 0, predictions, start, answers.length);
            progress.accept("predicted rows " + (start + 1) + " to " + (start + batch.size())
                    + " of " + rows.size());
        }
        return predictions;
    }

    private double[] invoke(String endpointName, List<String> batch, int firstRow) {
        String body = String.join("\n", batch) + "\n";
        InvokeEndpointResponse response = runtime.invokeEndpoint(request -> request
                .endpointName(endpointName).contentType(CONTENT_TYPE).accept(CONTENT_TYPE)
                .body(SdkBytes.fromString(body, StandardCharsets.UTF_8)));
        return parsed(response.body().asUtf8String(), batch.size(), firstRow, endpointName);
    }

    /** Parses the container's CSV response: predictions separated by commas or line breaks. */
    static double[] parsed(String response, int expected, int firstRow, String endpointName) {
        String[] cells = response.trim().isEmpty() ? new String[0]
                : response.trim().split("[,\\s]+");
        if (cells.length != expected) {
            throw new IllegalStateException("Endpoint " + endpointName + " returned "
                    + cells.length + " predictions for the " + expected + " rows starting at row "
                    + (firstRow + 1) + "; is it a single-output regression model?");
        }
        double[] predictions = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            predictions[i] = Double.parseDouble(cells[i]);
        }
        return predictions;
    }

    private static boolean isHeader(String line) {
        for (String cell : line.split(",", -1)) {
            if (!cell.isBlank() && !isNumber(cell)) {
                return true;
            }
        }
        return false;
    }

    private static void checkHeader(String line, String fileName, List<String> features) {
        List<String> names = List.of(line.trim().split("\\s*,\\s*", -1));
        if (!features.isEmpty() && !names.equals(features)) {
            throw new InvalidInputException(fileName + " line 1: the header " + names
                    + " does not list the model's features in request order " + features);
        }
    }

    private static String checkedRow(String line, String fileName, int lineNumber, int columns) {
        String[] cells = line.split(",", -1);
        if (cells.length != columns) {
            throw new InvalidInputException(fileName + " line " + lineNumber + ": "
                    + cells.length + " cells, expected " + columns + " features");
        }
        for (int column = 0; column < cells.length; column++) {
            if (!cells[column].isBlank() && !isNumber(cells[column])) {
                throw new InvalidInputException(fileName + " line " + lineNumber + " column "
                        + (column + 1) + ": '" + cells[column] + "' is not a number");
            }
        }
        return line.strip();
    }

    private static boolean isNumber(String cell) {
        try {
            Double.parseDouble(cell.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
