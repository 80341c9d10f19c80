package io.gridcast.jobs;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;


import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.S3TestServer;

import io.gridcast.SparkTestBase;
import io.gridcast.config.Settings;
import io.gridcast.forecast.DayAheadLoadForecast;
import io.gridcast.forecast.LoadForecastRun;
import io.gridcast.forecast.XgboostParameters;
import io.gridcast.forecast.XgboostTrainer;
import io.gridcast.io.SparkSessions;
import io.gridcast.io.TableCatalog;
import io.gridcast.io.Warehouse;
import io.gridcast.registry.ModelRegistry;
import io.gridcast.registry.ModelVersion;
import io.gridcast.time.MarketZones;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.scala.spark.XGBoostRegressionModel;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SageMaker serving of the load model that {@code pipeline pjm-load} registers. The export's
 * booster, loaded without Spark by xgboost4j and by Python's xgboost 1.7 (when installed),
 * predicts what the registered Spark model predicts on the same 200 test hours. Deployment
 * runs against a loopback SageMaker stand-in and S3 server, and the stand-in scores
 * invocations with the booster it finds at the model data URL.
 */
class SageMakerTest {

    private static final String MODEL = LoadForecastRun.modelName(DayAheadLoadForecast.MODEL,
            "PJM", "PJME");
    private static final String BUCKET = "gridcast-models";
    private static final String ROLE = "arn:aws:iam::123456789012:role/gridcast-sagemaker";
    /** The 1.7-1 image in eu-west-1, as the SageMaker Python SDK's image list gives it. */
    private static final String EU_WEST_1_IMAGE =
            "141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1";

    private static Path warehouse;
    private static Scored scored;

    @BeforeAll
    static void trainModel() throws IOException {
        warehouse = Files.createTempDirectory("sagemaker");
        CommandRun.succeeding(pipelineArgs(warehouse));
        scored = sparkPredictions(warehouse);
    }

    @BeforeEach
    void awsCredentials() {
        // The AWS clients read the default credential chain, here Java system properties.
        System.setProperty("aws.accessKeyId", S3TestServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3TestServer.SECRET_KEY);
    }

    @AfterEach
    void clearCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void exportPredictsLikeSparkModel() throws Exception {
        String output = CommandRun.succeeding("export", "sagemaker", "--model", MODEL,
                "--set", "storage.warehouse=" + warehouse, "--set", "spark.master=local[1]");

        Path folder = warehouse.resolve("exports/sagemaker/" + MODEL + "/v1");
        assertThat(output).contains("export sagemaker: " + MODEL + " v1 -> ")
                .contains("for the XGBoost 1.7-1 container");
        assertThat(entries(folder.resolve("model.tar.gz"))).containsExactly("xgboost-model");
        assertThat(Files.readString(folder.resolve("model-features.json")))
                .contains("\"features\":[\"" + String.join("\",\"", scored.features()) + "\"]")
                .contains("\"content_type\":\"text/csv\"");

        float[][] plain = plainXgboost(Files.readAllBytes(folder.resolve("model.tar.gz")),
                scored.rows());
        for (int i = 0; i < scored.predictions().length; i++) {
            assertThat((double) plain[i][0]).as("row %d", i)
                    .isCloseTo(scored.predictions()[i], within(1e-5));
        }
        assumeTrue(pythonXgboost(), "Python's xgboost is not installed");
        List<String> python = python(folder.resolve("model.tar.gz"), scored);
        assertThat(python.get(0)).startsWith("1.7");
        for (int i = 0; i < scored.predictions().length; i++) {
            assertThat(Double.parseDouble(python.get(i + 1))).as("row %d", i)
                    .isCloseTo(scored.predictions()[i], within(1e-5));
        }
    }

    @Test
    void deployAndPredictMatchSpark() throws Exception {
        try (S3TestServer s3 = S3TestServer.start();
                SageMakerTestServer sageMaker = SageMakerTestServer.start(scorer(s3))) {
            s3.createBucket(BUCKET);
            String deployed = CommandRun.succeeding(deployArgs(s3, sageMaker, MODEL));
            String again = CommandRun.succeeding(deployArgs(s3, sageMaker, MODEL));
            Path predictions = Files.createTempFile("predictions", ".csv");
            String featuresUrl = deployed.replaceFirst("(?s).*features (s3://\\S+).*", "$1");
            String predicted = CommandRun.succeeding(predictArgs(s3, sageMaker, requestFile(),
                    predictions, featuresUrl));

            JsonNode model = sageMaker.calls().get(0).json();
            String modelName = model.path("ModelName").asText();
            String release = modelName.substring(MODEL.length() + 1);
            String folder = "s3://" + BUCKET + "/sagemaker/" + MODEL + "/" + release + "/";
            byte[] uploaded = Files.readAllBytes(s3.download(List.of(folder.replaceFirst("^s3:",
                    "s3a:") + "model.tar.gz"), Files.createTempDirectory("uploaded")).get(0));
            assertThat(release).isEqualTo("v1-" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(uploaded)).substring(0, 8));
            assertThat(deployed).contains("created endpoint " + MODEL + " (InService after");
            assertThat(again).contains("unchanged endpoint " + MODEL);
            assertThat(sageMaker.operations().subList(0, 7)).containsExactly("CreateModel",
                    "CreateEndpointConfig", "DescribeEndpoint", "CreateEndpoint",
                    "DescribeEndpoint", "DescribeEndpoint", "DescribeEndpoint");
            assertThat(sageMaker.operations().stream().filter("CreateEndpoint"::equals))
                    .hasSize(1);
            assertThat(model.path("ExecutionRoleArn").asText()).isEqualTo(ROLE);
            assertThat(model.path("PrimaryContainer").path("Image").asText())
                    .isEqualTo(EU_WEST_1_IMAGE);
            assertThat(model.path("PrimaryContainer").path("ModelDataUrl").asText())
                    .isEqualTo(folder + "model.tar.gz");
            JsonNode variant = sageMaker.calls().get(1).json().path("ProductionVariants").path(0);
            assertThat(variant.path("ModelName").asText()).isEqualTo(modelName);
            assertThat(variant.path("InstanceType").asText()).isEqualTo("ml.m5.large");
            assertThat(sageMaker.calls().get(3).json().path("EndpointConfigName").asText())
                    .isEqualTo(modelName + "-m5-large-x1");
            assertThat(s3.exists(folder.replaceFirst("^s3:", "s3a:") + "model-features.json"))
                    .isTrue();

            List<SageMakerTestServer.Call> invocations = sageMaker.calls().stream()
                    .filter(c -> c.operation().equals("InvokeEndpoint")).toList();
            assertThat(invocations).hasSize(4);
            assertThat(invocations).allSatisfy(c -> assertThat(c.header("Content-Type"))
                    .isEqualTo("text/csv"));
            assertThat(predicted).contains("200 rows sent to endpoint " + MODEL)
                    .contains("exp of the returned log of load_mw");
            List<String> lines = Files.readAllLines(predictions);
            assertThat(lines.get(0)).isEqualTo("row,prediction,log_prediction");
            for (int i = 0; i < scored.predictions().length; i++) {
                String[] cells = lines.get(i + 1).split(",");
                assertThat(Double.parseDouble(cells[2])).as("row %d", i)
                        .isCloseTo(scored.predictions()[i], within(1e-5));
                assertThat(Double.parseDouble(cells[1])).as("row %d", i)
                        .isCloseTo(Math.exp(Double.parseDouble(cells[2])), within(1e-6));
            }
        }
    }

    @Test
    void failedEndpointNamesReason() throws Exception {
        try (S3TestServer s3 = S3TestServer.start();
                SageMakerTestServer sageMaker = SageMakerTestServer.start(scorer(s3))) {
            s3.createBucket(BUCKET);
            sageMaker.failEndpoints("The primary container for production variant AllTraffic "
                    + "did not pass the ping health check.");

            CommandRun failed = CommandRun.errors(deployArgs(s3, sageMaker, MODEL,
                    "--endpoint", "load-failing"));
            CommandRun again = CommandRun.errors(deployArgs(s3, sageMaker, MODEL,
                    "--endpoint", "load-failing"));

            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.output()).contains("deploy sagemaker failed: Endpoint "
                    + "load-failing failed: The primary container for production variant "
                    + "AllTraffic did not pass the ping health check. Its container logs are "
                    + "in CloudWatch, log group /aws/sagemaker/Endpoints/load-failing");
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.output()).contains("SageMaker accepts only DeleteEndpoint on a "
                    + "failed endpoint: delete it (aws sagemaker delete-endpoint "
                    + "--endpoint-name load-failing) and deploy again");
            assertThat(sageMaker.operations()).doesNotContain("UpdateEndpoint");
        }
    }

    @Test
    void unknownModelIsRejected() throws Exception {
        CommandRun failed = CommandRun.errors("export", "sagemaker", "--model", "no-such-model",
                "--set", "storage.warehouse=" + Files.createTempDirectory("export-none"),
                "--set", "spark.master=local[1]");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.output()).contains("Model not found: no-such-model");
    }

    private static String[] deployArgs(S3TestServer s3, SageMakerTestServer sageMaker,
            String model, String... more) {
        List<String> args = new ArrayList<>(List.of("deploy", "sagemaker", "--model", model,
                "--set", "storage.warehouse=" + warehouse, "--set", "spark.master=local[1]",
                "--set", "sagemaker.region=eu-west-1",
                "--set", "sagemaker.model-data-prefix=s3://" + BUCKET + "/sagemaker",
                "--set", "sagemaker.execution-role-arn=" + ROLE,
                "--set", "sagemaker.endpoint-url=" + sageMaker.endpoint(),
                "--set", "sagemaker.s3-endpoint-url=" + s3.endpoint(),
                "--set", "sagemaker.poll-seconds=1"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static String[] predictArgs(S3TestServer s3, SageMakerTestServer sageMaker,
            Path rows, Path output, String featuresUrl) {
        return new String[] {"predict", "--endpoint", MODEL, "--input", rows.toString(),
            "--features", featuresUrl,
            "--output", output.toString(), "--set", "sagemaker.region=eu-west-1",
            "--set", "sagemaker.runtime-endpoint-url=" + sageMaker.endpoint(),
            "--set", "sagemaker.s3-endpoint-url=" + s3.endpoint(),
            "--set", "sagemaker.predict-batch-rows=64"};
    }

    /** Writes the 200 scored rows as a request file with a header line of feature names. */
    private static Path requestFile() throws IOException {
        Path rows = Files.createTempFile("sagemaker-rows", ".csv");
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", scored.features()));
        Stream.of(scored.rows()).map(SageMakerTest::csvRow).forEach(lines::add);
        Files.write(rows, lines);
        return rows;
    }

    /** Scores a CSV request with the booster of the model data URL, as the container does. */
    private static Function<String, Function<String, String>> scorer(S3TestServer s3) {
        return modelDataUrl -> body -> {
            try {
                Path folder = Files.createTempDirectory("sagemaker-model");
                Path archive = s3.download(List.of(modelDataUrl.replaceFirst("^s3:", "s3a:")),
                        folder).get(0);
                float[][] predictions = plainXgboost(Files.readAllBytes(archive),
                        parseRows(body));
                return Stream.of(predictions).map(p -> Float.toString(p[0]))
                        .collect(Collectors.joining("\n"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static float[][] parseRows(String body) {
        return body.lines().filter(l -> !l.isBlank()).map(line -> {
            String[] cells = line.split(",", -1);
            float[] row = new float[cells.length];
            for (int j = 0; j < cells.length; j++) {
                row[j] = cells[j].isEmpty() ? Float.NaN : Float.parseFloat(cells[j]);
            }
            return row;
        }).toArray(float[][]::new);
    }

    /** Feature rows (NaN for missing) and the Spark model's raw predictions on them. */
    record Scored(List<String> features, float[][] rows, double[] predictions) {
    }

    private static Scored sparkPredictions(Path warehouse) {
        Settings settings = SparkTestBase.testSettings(warehouse);
        try (SparkSession spark = SparkSessions.create(settings)) {
            TableCatalog catalog = new TableCatalog(spark, settings);
            ModelVersion version = new ModelRegistry(spark, catalog, Warehouse.from(settings),
                    settings.string("registry.artifacts")).version(MODEL, null);
            List<String> features = List.of(version.featuresJson().replaceAll("[\\[\\]\"]", "")
                    .split(","));
            DayAheadLoadForecast forecast = new DayAheadLoadForecast(
                    DayAheadLoadForecast.Options.from(settings, MarketZones.PJM),
                    XgboostParameters.from(settings));
            Dataset<Row> testHours = forecast.withFeatures(catalog.read("load_hourly"))
                    .filter(col("interval_start_utc").geq(Timestamp.valueOf("2018-06-01 04:00:00")))
                    .orderBy("interval_start_utc").limit(200);
            XGBoostRegressionModel model = XGBoostRegressionModel.load(version.artifactUri()
                    + "/spark-model");
            List<Row> rows = model.transform(XgboostTrainer.withFeatures(testHours, features))
                    .select(XgboostTrainer.FEATURES_COL, XgboostTrainer.PREDICTION_COL)
                    .collectAsList();
            float[][] matrix = new float[rows.size()][];
            double[] predictions = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                double[] values = ((org.apache.spark.ml.linalg.Vector) rows.get(i).get(0))
                        .toArray();
                matrix[i] = new float[values.length];
                for (int j = 0; j < values.length; j++) {
                    matrix[i][j] = (float) values[j];
                }
                predictions[i] = rows.get(i).getDouble(1);
            }
            return new Scored(features, matrix, predictions);
        }
    }

    private static float[][] plainXgboost(byte[] archive, float[][] rows) throws Exception {
        Booster booster;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(
                new ByteArrayInputStream(archive)))) {
            tar.getNextTarEntry();
            booster = XGBoost.loadModel(tar);
        }
        int columns = rows[0].length;
        float[] flat = new float[rows.length * columns];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * columns, columns);
        }
        return booster.predict(new DMatrix(flat, rows.length, columns, Float.NaN));
    }

    private static List<String> python(Path archive, Scored scored) throws Exception {
        Path rows = Files.createTempFile("sagemaker-rows", ".csv");
        Files.write(rows, Stream.of(scored.rows()).map(SageMakerTest::csvRow).toList());
        Path script = Files.createTempFile("sagemaker_predict", ".py");
        try (InputStream in = SageMakerTest.class.getResourceAsStream(
                "/sagemaker_predict.py")) {
            Files.write(script, in.readAllBytes());
        }
        Process process = new ProcessBuilder("/usr/bin/python3", script.toString(),
                archive.toString(), rows.toString()).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(text).isZero();
        return text.lines().toList();
    }

    /** Formats one CSV request row: features in order, a missing value left empty. */
    private static String csvRow(float[] row) {
        List<String> cells = new ArrayList<>();
        for (float value : row) {
            cells.add(Float.isNaN(value) ? "" : Float.toString(value));
        }
        return String.join(",", cells);
    }

    private static boolean pythonXgboost() {
        try {
            return new ProcessBuilder("/usr/bin/python3", "-c", "import xgboost").start()
                    .waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static List<String> entries(Path archive) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = tar(archive)) {
            for (TarArchiveEntry entry = tar.getNextTarEntry(); entry != null;
                    entry = tar.getNextTarEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static TarArchiveInputStream tar(Path archive) throws IOException {
        return new TarArchiveInputStream(new GzipCompressorInputStream(
                Files.newInputStream(archive)));
    }

    private static String[] pipelineArgs(Path warehouse) throws IOException {
        Path sample = SparkTestBase.repositoryRoot()
                .resolve("data/samples/pjm_hourly_load/PJME_hourly_2015-2018.csv");
        Path input = Files.createTempDirectory("export-input");
        try (Stream<String> lines = Files.lines(sample)) {
            Files.write(input.resolve("PJME_2018.csv"), lines.filter(l -> l.startsWith("Datetime")
                    || l.startsWith("2018-")).collect(Collectors.toList()));
        }
        return new String[] {"pipeline", "pjm-load", "--input", input.toString(),
            "--test-start", "2018-06-01", "--set", "storage.warehouse=" + warehouse,
            "--set", "spark.master=local[2]", "--set", "spark.sql.shuffle.partitions=4",
            "--set", "forecast.validation-days=30", "--set", "xgboost.num-workers=1",
            "--set", "xgboost.eta=0.3", "--set", "xgboost.early-stopping-rounds=10"};
    }
}
