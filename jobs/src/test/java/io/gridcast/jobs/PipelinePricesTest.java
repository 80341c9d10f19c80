package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.SparkTestBase;
import io.gridcast.config.Settings;
import io.gridcast.io.SparkSessions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * {@code gridcast pipeline prices} on the German benchmark prices from 2017-06-01, testing
 * every model on the last 28 days of 2017 with small settings, read back with DuckDB.
 */
class PipelinePricesTest {

    private static final List<String> MODELS = List.of("naive", "lear", "mlp", "cnn_lstm",
            "nn_ensemble");

    private static Path warehouse;
    private static String[] command;
    private static String firstOutput;

    /** Runs the pipeline on Germany once for the tests of this class that read its first run. */
    private static synchronized String firstRun() throws IOException {
        if (firstOutput == null) {
            warehouse = Files.createTempDirectory("pipeline-prices");
            command = new String[] {"pipeline", "prices", "--market", "DE", "--input",
                writeGermanyFrom("2017-06-01").toString(), "--warehouse", warehouse.toString(),
                "--test-start", "2017-12-04", "--set", "spark.master=local[2]",
                "--set", "price-models.lear.calibration-windows-days=84",
                "--set", "price-models.mlp.epochs=40", "--set", "price-models.cnn-lstm.epochs=20"};
            firstOutput = CommandRun.succeeding(command);
        }
        return firstOutput;
    }

    @Test
    void everyModelBeatsNaiveOnGermany() throws Exception {
        String output = firstRun();

        assertThat(output).contains("DE day-ahead price forecasts, test 2017-12-04 to "
                        + "2017-12-31 (28 day(s), 672 hours), EUR/MWh")
                .contains("pipeline prices finished in ")
                .contains("registered price-lear-de v1, price-mlp-de v1, price-cnn-lstm-de v1");
        Map<String, Double> mae = duckDbMae(warehouse);
        assertThat(mae).containsOnlyKeys(MODELS);
        for (String model : List.of("lear", "mlp", "cnn_lstm", "nn_ensemble")) {
            assertThat(mae.get(model)).as(model).isLessThan(mae.get("naive"));
        }
        Map<String, double[]> published = publishedMetrics(warehouse);
        for (String model : MODELS) {
            assertThat(published.get(model)[0]).as(model).isCloseTo(mae.get(model), within(1e-9));
            assertThat(published.get(model)[1]).as(model)
                    .isCloseTo(mae.get(model) / mae.get("naive"), within(1e-9));
            assertThat(output).contains(String.format("%s %.3f", model, mae.get(model)));
        }
        assertThat(query(warehouse, "price_forecasts", "SELECT actual_price_per_mwh FROM t "
                + "WHERE model = 'lear' AND delivery_date = DATE '2017-12-24' "
                + "AND hour_ending = 4")).isEqualTo("-49.99");
        assertThat(query(warehouse, "price_dm_tests", "SELECT count(*) FROM t")).isEqualTo("20");
        assertThat(Files.readAllBytes(warehouse.resolve(
                "reports/prices/DE/price-forecast-fortnight.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(warehouse.resolve("models/price-lear-de/v1/lear-84-days.json")).exists();
        assertThat(warehouse.resolve("models/price-cnn-lstm-de/v1/model.zip")).exists();
        assertThat(Files.readString(warehouse.resolve("models/price-mlp-de/v1/scalers.json")))
                .contains("\"price\"", "\"exogenous_1\"", "\"median\"", "\"mad\"");

        CommandRun.succeeding(command);

        assertThat(query(warehouse, "price_forecasts", "SELECT count(*) FROM t"))
                .isEqualTo(String.valueOf(5 * 28 * 24));
        Map<String, Double> rerun = duckDbMae(warehouse);
        for (String model : MODELS) {
            // DuckDB may sum in another order: equal forecasts, MAE equal to rounding.
            assertThat(rerun.get(model)).as("%s with the same seeds", model)
                    .isCloseTo(mae.get(model), within(1e-9));
        }
    }

    @Test
    void reportShowsMetricsAndCharts() throws Exception {
        Path report = Path.of(RunReportChecks.reportLocation(firstRun()));

        String html = RunReportChecks.checkFile(warehouse, "pipeline-prices", report);

        assertThat(html).contains("<title>Day-ahead price pipeline, DE</title>",
                ">Price forecasts DE</a>", "<td>price-models.mlp.epochs</td><td>40</td>",
                "<td>2017-12-04 to 2017-12-31 (28 days, 672 hours)</td>",
                "<th scope=\"col\">MAE EUR/MWh</th>", ">registered lear</th>",
                "<td>price-lear-de v1</td>", "<td>nn_ensemble</td>",
                "alt=\"Day-ahead prices, DE, ", "alt=\"Daily mean day-ahead price, DE, ");
        RunReportChecks.checkInChromium(report, "Day-ahead price pipeline, DE", 2, 1400);
    }

    @Test
    void testStartBeforeHistoryNamesTheRange() throws Exception {
        Path warehouse = Files.createTempDirectory("pipeline-prices-early");

        CommandRun failed = CommandRun.errors("pipeline", "prices", "--market", "DE",
                "--input", writeGermanyFrom("2017-06-01").toString(), "--warehouse",
                warehouse.toString(), "--test-start", "2017-07-01", "--model", "lear",
                "--set", "spark.master=local[1]",
                "--set", "price-models.lear.calibration-windows-days=84");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.output()).contains("Cannot test price models of DE from 2017-07-01:"
                + " the models need 84 days of history before the first test day, so it must"
                + " lie between 2017-08-24 and 2017-12-31 (the series runs from 2017-06-01)");
    }

    @Test
    void inputFileNamesTheMarket() throws Exception {
        Path pjm = Files.createTempDirectory("prices-pjm").resolve("PJM.csv.gz");
        Files.copy(SparkTestBase.repositoryRoot().resolve("data/samples/epftoolbox/PJM.csv.gz"),
                pjm);

        String output = CommandRun.succeeding("pipeline", "prices", "--input", pjm.toString(),
                "--warehouse", Files.createTempDirectory("pipeline-prices-pjm").toString(),
                "--model", "lear", "--test-start", "2018-12-24", "--set",
                "spark.master=local[1]", "--set", "price-models.lear.calibration-windows-days=84");

        assertThat(output).contains("PJM day-ahead price forecasts, test 2018-12-24 to "
                + "2018-12-24 (1 day(s), 24 hours), USD/MWh")
                .contains("n/a: undefined with under 2 test days")
                .contains("registered price-lear-pjm v1");
    }

    @Test
    void trainWithoutInputsSaysIngestFirst() throws Exception {
        Path warehouse = Files.createTempDirectory("train-price-empty");

        CommandRun failed = CommandRun.errors("train", "price", "--market", "PJM",
                "--warehouse", warehouse.toString(), "--set", "spark.master=local[1]");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.output()).contains("train price failed: Table not found: "
                + "gridcast.gridcast.price_inputs_hourly: run gridcast ingest prices --market PJM "
                + "first");
    }

    @Test
    void unknownModelIsRejected() {
        CommandRun failed = CommandRun.errors("train", "price", "--model", "arima");

        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(failed.output()).contains("Unknown price model: arima "
                + "(expected lear, mlp, cnn-lstm or all)");
    }

    /** Writes the header and the rows from {@code firstDay} of the bundled DE.csv.gz. */
    static Path writeGermanyFrom(String firstDay) throws IOException {
        Path bundled = SparkTestBase.repositoryRoot().resolve("data/samples/epftoolbox/DE.csv.gz");
        List<String> lines;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(bundled)), StandardCharsets.UTF_8))) {
            lines = reader.lines().filter(line -> line.startsWith(",")
                    || line.substring(0, 10).compareTo(firstDay) >= 0).toList();
        }
        return Files.write(Files.createTempDirectory("prices-de").resolve("DE.csv"), lines);
    }

    /** MAE per model over every published forecast, computed by DuckDB. */
    private static Map<String, Double> duckDbMae(Path warehouse) throws Exception {
        Map<String, Double> mae = new TreeMap<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement();
                ResultSet rows = statement.executeQuery("SELECT model, "
                        + "avg(abs(predicted_price_per_mwh - actual_price_per_mwh)) FROM "
                        + "read_parquet(" + dataFiles(warehouse, "price_forecasts")
                        + ") GROUP BY model")) {
            while (rows.next()) {
                mae.put(rows.getString(1), rows.getDouble(2));
            }
        }
        return mae;
    }

    /** MAE and rMAE per model as published in price_forecast_metrics. */
    private static Map<String, double[]> publishedMetrics(Path warehouse) throws Exception {
        Map<String, double[]> metrics = new TreeMap<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement();
                ResultSet rows = statement.executeQuery("SELECT model, mae_per_mwh, "
                        + "relative_mae FROM read_parquet("
                        + dataFiles(warehouse, "price_forecast_metrics") + ")")) {
            while (rows.next()) {
                metrics.put(rows.getString(1), new double[] {rows.getDouble(2), rows.getDouble(3)});
            }
        }
        return metrics;
    }

    /** Runs {@code sql} over {@code table} (as {@code t}) in DuckDB: first value, as text. */
    private static String query(Path warehouse, String table, String sql) throws Exception {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement()) {
            statement.execute("CREATE VIEW t AS SELECT * FROM read_parquet("
                    + dataFiles(warehouse, table) + ")");
            try (ResultSet rows = statement.executeQuery(sql)) {
                assertThat(rows.next()).as(sql).isTrue();
                return rows.getString(1);
            }
        }
    }

    private static String dataFiles(Path warehouse, String table) {
        Settings settings = SparkTestBase.testSettings(warehouse);
        try (SparkSession spark = SparkSessions.create(settings)) {
            return SparkTestBase.duckDbDataFiles(spark, settings, table);
        }
    }
}
