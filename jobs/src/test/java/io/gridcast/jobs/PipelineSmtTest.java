package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.SparkTestBase;
import io.gridcast.config.Settings;
import io.gridcast.io.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** {@code gridcast pipeline smt} on the bundled Smart Meter Texas export, with a small LSTM. */
class PipelineSmtTest {

    private static final String HASH_KEY = "pipeline-test-key-0123456789";

    private static Path warehouse;
    private static String firstOutput;

    /** Runs the pipeline once for the tests of this class that read its output. */
    private static synchronized String firstRun() throws IOException {
        if (firstOutput == null) {
            warehouse = Files.createTempDirectory("pipeline-smt");
            firstOutput = CommandRun.succeeding("pipeline", "smt", "--input",
                    SparkTestBase.repositoryRoot().resolve("data/samples/smt_interval").toString(),
                    "--warehouse", warehouse.toString(),
                    "--set", "smt.meter-id-hash-key=" + HASH_KEY,
                    "--set", "spark.master=local[2]", "--set", "meter-lstm.units=8",
                    "--set", "meter-lstm.epochs=1", "--set", "meter-lstm.batch-size=128",
                    "--set", "meter-lstm.rolling-origins=1");
        }
        return firstOutput;
    }

    @Test
    void lstmBeatsPersistenceOnRealMeter() throws Exception {
        String output = firstRun();

        assertThat(output).contains("pipeline smt finished in ")
                .contains("rows read 17664, accepted 17660, rejected 4")
                .contains("registered meter-lstm-per-meter v1, meter-lstm-shared v1");
        Map<String, Double> printed = printedHoldoutRmse(output);
        Map<String, double[]> recomputed = duckDbHoldout(warehouse);
        for (String model : new String[] {"lstm", "lstm_shared", "persistence",
            "same_interval_yesterday", "same_interval_last_week"}) {
            assertThat(printed.get(model)).as(model)
                    .isCloseTo(recomputed.get(model)[0], within(5e-5));
        }
        double testStd = recomputed.get("persistence")[1];
        assertThat(recomputed.get("lstm")[0]).isLessThan(recomputed.get("persistence")[0])
                .isLessThan(testStd);
        assertThat(recomputed.get("lstm_shared")[0]).isLessThan(testStd);
    }

    @Test
    void reportShowsRejectsAndMeterDay() throws Exception {
        Path report = Path.of(RunReportChecks.reportLocation(firstRun()));

        String html = RunReportChecks.checkFile(warehouse, "pipeline-smt", report);

        assertThat(html).contains("<title>Smart Meter Texas usage pipeline</title>",
                ">Usage forecasts</a>", "<td>meter-lstm.units</td><td>8</td>",
                "<th scope=\"col\">raw line</th>", "<td>lstm_shared</td>",
                "alt=\"Household usage forecast and actual, meter ")
                .doesNotContain(HASH_KEY);
        RunReportChecks.checkInChromium(report, "Smart Meter Texas usage pipeline", 1, 1200);
    }

    @Test
    void trainWithoutMetersSaysIngestFirst() throws Exception {
        Path warehouse = Files.createTempDirectory("train-no-meters");

        CommandRun failed = CommandRun.errors("train", "meter-lstm", "--warehouse",
                warehouse.toString(), "--set", "spark.master=local[1]");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.output()).contains("train meter-lstm failed: Table not found: "
                + "gridcast.gridcast.meter_interval: run gridcast ingest smt first");
    }

    /** RMSE per model from the summary line, e.g. "lstm 0.2079, persistence 0.3018". */
    private static Map<String, Double> printedHoldoutRmse(String output) {
        Matcher line = Pattern.compile("holdout RMSE kWh: ([^;]+);").matcher(output);
        assertThat(line.find()).as(output).isTrue();
        Map<String, Double> rmse = new TreeMap<>();
        for (String entry : line.group(1).split(", ")) {
            String[] parts = entry.split(" ");
            rmse.put(parts[0], Double.parseDouble(parts[1]));
        }
        return rmse;
    }

    /** Holdout RMSE per model and the standard deviation of the actuals, by DuckDB. */
    private static Map<String, double[]> duckDbHoldout(Path warehouse) throws Exception {
        Settings settings = SparkTestBase.testSettings(warehouse);
        String files;
        try (SparkSession spark = SparkSessions.create(settings)) {
            files = SparkTestBase.duckDbDataFiles(spark, settings, "meter_forecasts");
        }
        Map<String, double[]> result = new TreeMap<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement();
                ResultSet rows = statement.executeQuery("SELECT model,"
                        + " sqrt(avg((predicted_kwh - actual_kwh) ^ 2)), stddev_pop(actual_kwh)"
                        + " FROM read_parquet(" + files + ") WHERE evaluation = 'holdout'"
                        + " GROUP BY model")) {
            while (rows.next()) {
                result.put(rows.getString(1), new double[] {rows.getDouble(2), rows.getDouble(3)});
            }
        }
        return result;
    }
}
