package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.SparkTestBase;
import io.gridcast.config.Settings;
import io.gridcast.io.SparkSessions;
import io.gridcast.io.TableCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs {@code gridcast pipeline pjm-load} on a real slice of the bundled PJM East sample. */
class PipelinePjmLoadTest {

    private static Path input;
    private static Path warehouse;
    private static long sliceRows;
    private static CommandRun firstRun;

    @BeforeAll
    static void writeSlice() throws IOException {
        Path sample = SparkTestBase.repositoryRoot()
                .resolve("data/samples/pjm_hourly_load/PJME_hourly_2015-2018.csv");
        input = Files.createTempDirectory("pipeline-input");
        warehouse = Files.createTempDirectory("pipeline-warehouse");
        try (Stream<String> lines = Files.lines(sample)) {
            List<String> slice = lines.filter(l -> l.startsWith("Datetime") || l.startsWith("2018-"))
                    .collect(Collectors.toList());
            sliceRows = slice.size() - 1;
            Files.write(input.resolve("PJME_2018.csv"), slice);
        }
    }

    private static String[] pipelineArgs() {
        return new String[] {"pipeline", "pjm-load", "--input", input.toString(),
            "--test-start", "2018-06-01",
            "--set", "storage.warehouse=" + warehouse,
            "--set", "spark.master=local[2]",
            "--set", "spark.sql.shuffle.partitions=4",
            "--set", "forecast.validation-days=30",
            "--set", "xgboost.num-workers=1",
            "--set", "xgboost.eta=0.3",
            "--set", "xgboost.early-stopping-rounds=10"};
    }

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    /** Runs the pipeline once for the tests of this class that read its first run. */
    private static synchronized CommandRun firstRun() {
        if (firstRun == null) {
            firstRun = run(pipelineArgs());
        }
        return firstRun;
    }

    @Test
    void pipelinePublishesConservedCountsAndBeatsNaive() throws Exception {
        CommandRun first = firstRun();

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("pipeline pjm-load finished")
                .contains("rows read " + sliceRows + ", accepted " + sliceRows
                        + ", rejected 0, duplicates 0, missing hours 0");

        Map<String, Double> mapeByModel = duckDbTestMape();
        assertThat(mapeByModel).containsKeys("load-day-ahead-xgboost-pjm-pjme",
                "load-day-ahead-weekly-naive-pjm-pjme",
                "load-day-ahead-xgboost-calendar-only-pjm-pjme");
        assertThat(mapeByModel.get("load-day-ahead-xgboost-pjm-pjme"))
                .isLessThan(mapeByModel.get("load-day-ahead-weekly-naive-pjm-pjme"));

        Path latest = warehouse.resolve("reports/pipeline-pjm-load/latest.html");
        Path firstReport = Path.of(RunReportChecks.reportLocation(first.output()));
        assertThat(latest).hasSameBinaryContentAs(firstReport);

        CommandRun second = run(pipelineArgs());
        assertThat(second.exitCode()).isZero();
        Path secondReport = Path.of(RunReportChecks.reportLocation(second.output()));
        assertThat(secondReport).isNotEqualTo(firstReport);
        assertThat(firstReport).exists();
        assertThat(latest).hasSameBinaryContentAs(secondReport);
        try (SparkSession spark = SparkSessions.create(settings())) {
            TableCatalog catalog = new TableCatalog(spark, settings());
            assertThat(catalog.read("load_hourly").count()).isEqualTo(sliceRows);
            // One XGBoost worker trains the same models again: no new version is registered.
            assertThat(catalog.read("model_registry").count()).isEqualTo(2);
            assertThat(catalog.read("model_registry").filter("model_version = 2").count())
                    .isZero();
            assertThat(catalog.read("forecasts").count()).isEqualTo(3L * 24 * 63);
        }
    }

    @Test
    void reportShowsRunAndCharts() throws Exception {
        CommandRun first = firstRun();
        assertThat(first.exitCode()).as(first.output()).isZero();
        Path report = Path.of(RunReportChecks.reportLocation(first.output()));

        String html = RunReportChecks.checkFile(warehouse, "pipeline-pjm-load", report);

        assertThat(html).contains("<title>PJM day-ahead load pipeline</title>",
                ">Settings</a>", ">Inputs</a>", ">Rejected rows</a>", ">Forecast PJM PJME</a>",
                "<td>forecast.test-start</td><td>2018-06-01</td>",
                "<td class=\"num\">" + sliceRows + "</td>", "No row was rejected.",
                "<td>xgboost</td>", "<td>weekly-naive</td>", "<td>2018-07</td>",
                "alt=\"Test MAE by hour of day, PJM PJME, 2018-06-01 to 2018-08-02\"",
                "alt=\"Test MAPE by month, PJM PJME\"",
                "alt=\"Day-ahead load forecast and actual, PJM PJME, ");
        RunReportChecks.checkInChromium(report, "PJM day-ahead load pipeline", 3, 1200);
    }

    @Test
    void missingInputFailsWithUri() throws IOException {
        Path empty = Files.createTempDirectory("pipeline-failed");
        CommandRun failed = CommandRun.errors("pipeline", "pjm-load", "--input", "/no/such/folder",
                "--set", "storage.warehouse=" + empty, "--set", "spark.master=local[1]",
                "--set", "xgboost.num-workers=1");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.output()).contains("gridcast pipeline pjm-load failed: Input not found: file:/no/such/folder");
        assertThat(empty.resolve("reports")).doesNotExist();
    }

    @Test
    void helpListsEveryJob() {
        CommandRun help = run("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("ingest", "train", "pipeline", "tables");
        assertThat(run("ingest", "pjm-load", "--help").output()).contains("--input", "--conf", "--set");
    }

    private static Settings settings() {
        return SparkTestBase.testSettings(warehouse);
    }

    /** Test-period MAPE by model, read from the forecasts table's Parquet files by DuckDB. */
    private static Map<String, Double> duckDbTestMape() throws Exception {
        String files;
        try (SparkSession spark = SparkSessions.create(settings())) {
            files = SparkTestBase.duckDbDataFiles(spark, settings(), "forecasts");
        }
        Map<String, Double> mape = new java.util.TreeMap<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement();
                ResultSet rows = statement.executeQuery("SELECT model_name,"
                        + " 100 * avg(abs(predicted_mw - actual_mw) / actual_mw)"
                        + " FROM read_parquet(" + files + ")"
                        + " GROUP BY model_name")) {
            while (rows.next()) {
                mape.put(rows.getString(1), rows.getDouble(2));
            }
        }
        return mape;
    }
}
