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
    /** Largest request body sent, below InvokeEndpoint's 6 MB payload limit. */
    static final int MAX_REQUEST_BYTES = 5_000_000;
    /** A decimal number as a CSV cell of the XGBoost container may hold it. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
            "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

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
                String reason = e instanceof com.fasterxml.jackson.core.JsonProcessingException invalid
                        ? invalid.getOriginalMessage() : e.getMessage();
                throw new InvalidInputException("Invalid JSON in " + source + ": " + reason);
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
     * first line whose every cell is a name, not a number, is a header: it must list
     * {@code features} in order when they are known. Every row must have as many cells as
     * there are features (or as the first row when the features are unknown), each a
     * decimal number or empty.
     *
     * @param lines the file's lines
     * @param fileName name for error messages
     * @param features feature names in request order, or an empty list when unknown
     */
    public static List<String> requestRows(List<String> lines, String fileName,
            List<String> features) {
        List<String> text = new ArrayList<>(lines);
        if (!text.isEmpty() && text.get(0).startsWith("\uFEFF")) {
            text.set(0, text.get(0).substring(1));
        }
        int first = 0;
        if (!text.isEmpty() && isHeader(text.get(0))) {
            checkHeader(text.get(0), fileName, features);
            first = 1;
        }
        int columns = features.isEmpty() && text.size() > first
                ? text.get(first).split(",", -1).length : features.size();
        List<String> rows = new ArrayList<>();
        for (int i = first; i < text.size(); i++) {
            if (!text.get(i).isBlank()) {
                rows.add(checkedRow(text.get(i), fileName, i + 1, columns));
            }
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(fileName + " has no feature rows");
        }
        return rows;
    }

    /**
     * Invokes {@code endpointName} on {@code rows} and returns one prediction per row. A
     * request carries at most {@code batchRows} rows and {@value #MAX_REQUEST_BYTES} bytes.
     */
    public double[] predict(String endpointName, List<String> rows) {
        double[] predictions = new double[rows.size()];
        int start = 0;
        while (start < rows.size()) {
            int end = batchEnd(rows, start);
            double[] batch = invoke(endpointName, rows.subList(start, end), start);
            System.arraycopy(batch, 0, predictions, start, batch.length);
            progress.accept("predicted rows " + (start + 1) + " to " + end + " of "
                    + rows.size());
            start = end;
        }
        return predictions;
    }

    private int batchEnd(List<String> rows, int start) {
        int end = start;
        long bytes = 0;
        while (end < rows.size() && end - start < batchRows) {
            bytes += rows.get(end).length() + 1;
            if (bytes > MAX_REQUEST_BYTES && end > start) {
                break;
            }
            end++;
        }
        return end;
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
            if (!NUMBER.matcher(cells[i]).matches()) {
                throw new IllegalStateException("Endpoint " + endpointName + " returned '"
                        + cells[i] + "' for row " + (firstRow + i + 1) + ", not a number");
            }
            predictions[i] = Double.parseDouble(cells[i]);
        }
        return predictions;
    }

    private static boolean isHeader(String line) {
        for (String cell : line.split(",", -1)) {
            if (cell.isBlank() || isNumber(cell)) {
                return false;
            }
        }
        return true;
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
        return NUMBER.matcher(cell.trim()).matches();
    }
}
