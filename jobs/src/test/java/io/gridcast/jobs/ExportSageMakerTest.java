package io.gridcast.jobs;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
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
import org.junit.jupiter.api.Test;

/**
 * {@code gridcast export sagemaker} after {@code pipeline pjm-load}: the archive's booster,
 * loaded without Spark by xgboost4j and by Python's xgboost 1.7 (when installed), predicts
 * what the registered Spark model predicts on the same 200 test hours.
 */
class ExportSageMakerTest {

    private static final String MODEL = LoadForecastRun.modelName(DayAheadLoadForecast.MODEL,
            "PJM", "PJME");

    @Test
    void exportedBoosterPredictsLikeSparkModel() throws Exception {
        Path warehouse = Files.createTempDirectory("export-sagemaker");
        CommandRun.succeeding(pipelineArgs(warehouse));

        String output = CommandRun.succeeding("export", "sagemaker", "--model", MODEL,
                "--set", "storage.warehouse=" + warehouse, "--set", "spark.master=local[1]");

        Path folder = warehouse.resolve("exports/sagemaker/" + MODEL + "/v1");
        assertThat(output).contains("export sagemaker: " + MODEL + " v1 -> ")
                .contains("for the XGBoost 1.7-1 container");
        assertThat(entries(folder.resolve("model.tar.gz"))).containsExactly("xgboost-model");
        Scored scored = sparkPredictions(warehouse);
        assertThat(Files.readString(folder.resolve("model-features.json")))
                .contains("\"features\":[\"" + String.join("\",\"", scored.features()) + "\"]")
                .contains("\"content_type\":\"text/csv\"");

        float[][] plain = plainXgboost(folder.resolve("model.tar.gz"), scored);
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
    void nonXgboostModelIsRefused() throws Exception {
        CommandRun failed = CommandRun.errors("export", "sagemaker", "--model", "no-such-model",
                "--set", "storage.warehouse=" + Files.createTempDirectory("export-none"),
                "--set", "spark.master=local[1]");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.output()).contains("Model not found: no-such-model");
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

    private static float[][] plainXgboost(Path archive, Scored scored) throws Exception {
        Booster booster;
        try (TarArchiveInputStream tar = tar(archive)) {
            tar.getNextTarEntry();
            booster = XGBoost.loadModel(tar);
        }
        int columns = scored.features().size();
        float[] flat = new float[scored.rows().length * columns];
        for (int i = 0; i < scored.rows().length; i++) {
            System.arraycopy(scored.rows()[i], 0, flat, i * columns, columns);
        }
        return booster.predict(new DMatrix(flat, scored.rows().length, columns, Float.NaN));
    }

    private static List<String> python(Path archive, Scored scored) throws Exception {
        Path rows = Files.createTempFile("sagemaker-rows", ".csv");
        Files.write(rows, Stream.of(scored.rows()).map(ExportSageMakerTest::csvRow).toList());
        Path script = Files.createTempFile("sagemaker_predict", ".py");
        try (InputStream in = ExportSageMakerTest.class.getResourceAsStream(
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
