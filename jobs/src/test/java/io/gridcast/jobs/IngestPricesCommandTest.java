package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * {@code gridcast ingest prices} on the year 2012 of the bundled epftoolbox DE dataset. That
 * year contains the file's first hour and its lowest price, and keeps the test short.
 */
class IngestPricesCommandTest {

    private static final String DE_2012_SUMMARY = "rows read 8592, accepted 8592, rejected 0, "
            + "duplicates 0, missing hours 0; 8592 rows published to price_inputs_hourly "
            + "(DE EUR: 358 days, 2012-01-09 to 2012-12-31)";

    /** Writes the header and the 2012 rows of the bundled DE.csv.gz to {@code DE.csv}. */
    private static Path writeDe2012() throws IOException {
        Path bundled = SparkTestBase.repositoryRoot()
                .resolve("data/samples/epftoolbox/DE.csv.gz");
        List<String> lines;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(bundled)), StandardCharsets.UTF_8))) {
            lines = reader.lines()
                    .filter(line -> line.startsWith(",") || line.startsWith("2012-"))
                    .toList();
        }
        Path folder = Files.createTempDirectory("prices-de-2012");
        return Files.write(folder.resolve("DE.csv"), lines);
    }

    @Test
    void deSampleLoadsOnceOnRerun() throws Exception {
        Path warehouse = Files.createTempDirectory("prices-command");
        String[] command = {"ingest", "prices", "--input", writeDe2012().toString(),
            "--warehouse", warehouse.toString(), "--set", "spark.master=local[2]"};

        String first = CommandRun.succeeding(command);
        String second = CommandRun.succeeding(command);

        assertThat(first).contains("ingest prices finished in ").contains(DE_2012_SUMMARY);
        assertThat(second).contains(DE_2012_SUMMARY);
        String files = dataFiles(warehouse, "price_inputs_hourly");
        assertThat(duckDb("SELECT count(*) FROM read_parquet(" + files + ")"))
                .isEqualTo("8592");
        assertThat(duckDb("SELECT count(DISTINCT (market, delivery_date, hour_ending))"
                + " FROM read_parquet(" + files + ")")).isEqualTo("8592");
        assertThat(duckDb("SELECT min(price_per_mwh) FROM read_parquet(" + files + ")"))
                .isEqualTo("-221.99");
        assertThat(duckDb("SELECT concat_ws('|', market, delivery_date, hour_ending,"
                + " price_per_mwh, currency, exogenous_1, exogenous_2, exogenous_1_name,"
                + " exogenous_2_name, source_line) FROM read_parquet(" + files + ")"
                + " ORDER BY delivery_date, hour_ending LIMIT 1"))
                .isEqualTo("DE|2012-01-09|1|34.97|EUR|16382.0|3569.5275|Ampirion Load Forecast"
                        + "|PV+Wind Forecast|2");
        assertThat(duckDb("SELECT count(*) FROM read_parquet(" + files + ")"
                + " WHERE hour_ending NOT BETWEEN 1 AND 24")).isEqualTo("0");
    }

    @Test
    void invalidCurrencyFailsBeforeReading() {
        CommandRun failed = CommandRun.errors("ingest", "prices", "--currency", "euro",
                "--set", "spark.master=local[1]");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.output()).contains("ingest prices failed: Invalid currency: 'euro' "
                + "(expected an ISO 4217 code such as EUR or USD)");
    }

    /** Data files of {@code table}'s current snapshot as a DuckDB list. */
    private static String dataFiles(Path warehouse, String table) {
        Settings settings = SparkTestBase.testSettings(warehouse);
        try (SparkSession spark = SparkSessions.create(settings)) {
            return SparkTestBase.duckDbDataFiles(spark, settings, table);
        }
    }

    /** Runs {@code query} in DuckDB and returns the first column of its first row, as text. */
    private static String duckDb(String query) throws Exception {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            assertThat(rows.next()).as(query).isTrue();
            return rows.getString(1);
        }
    }
}
