package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.S3TestServer;
import io.gridcast.SparkTestBase;
import io.gridcast.config.Settings;
import io.gridcast.io.SparkSessions;
import io.gridcast.io.TableCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code gridcast pipeline pjm-load} with its warehouse on a loopback S3 server and on
 * local disk, and reads both back with DuckDB.
 */
class PipelineS3Test {

    private static final String BUCKET = "gridcast-tables";
    private static final String S3_WAREHOUSE = "s3a://" + BUCKET + "/warehouse";

    @Test
    void s3aWarehouseMatchesLocalDisk() throws Exception {
        Path work = Files.createTempDirectory("pipeline-s3");
        Path input = pjmSlice(work);
        try (S3TestServer s3 = S3TestServer.start()) {
            s3.createBucket(BUCKET);
            Settings onS3 = s3.applyTo(SparkTestBase.testSettings(work.resolve("unused"))
                    .with("storage.warehouse", S3_WAREHOUSE)
                    .with("catalog.jdbc-uri", "jdbc:sqlite:" + work.resolve("s3-catalog.db")));
            Settings onDisk = SparkTestBase.testSettings(work.resolve("warehouse"));

            String s3Output = CommandRun.succeeding(pipelineArgs(input, onS3));
            String diskOutput = CommandRun.succeeding(pipelineArgs(input, onDisk));

            assertThat(s3Output).contains("rows read 2879, accepted 2879, rejected 0")
                    .doesNotContain(S3TestServer.SECRET_KEY);
            assertThat(summaryCounts(s3Output)).isEqualTo(summaryCounts(diskOutput));
            List<String> s3Load = duckDbRows(onS3, s3, work, "load_hourly",
                    "interval_start_utc, zone, load_mw");
            assertThat(s3Load).hasSize(2879)
                    .isEqualTo(duckDbRows(onDisk, null, work, "load_hourly",
                            "interval_start_utc, zone, load_mw"));
            assertThat(s3Load.get(0)).startsWith(epochSeconds("2018-01-01T04:00:00Z") + "|PJME|");
            assertThat(s3Load.get(s3Load.size() - 1))
                    .startsWith(epochSeconds("2018-05-01T02:00:00Z") + "|PJME|");
            assertThat(duckDbTypes(onS3, s3, work, "load_hourly")).contains(
                    "interval_start_utc|TIMESTAMP WITH TIME ZONE", "operating_date|DATE",
                    "hour_ending|INTEGER", "load_mw|DOUBLE", "dst_flag|BOOLEAN",
                    "source_line|BIGINT", "zone|VARCHAR");
            assertThat(duckDbRows(onS3, s3, work, "forecasts", "model_name, interval_start_utc,"
                    + " predicted_mw")).isEqualTo(duckDbRows(onDisk, null, work, "forecasts",
                            "model_name, interval_start_utc, predicted_mw"));
            assertThat(s3.exists(S3_WAREHOUSE + "/models/load-day-ahead-xgboost-pjm-pjme/v1/"
                    + "model.json")).isTrue();
            String report = RunReportChecks.reportLocation(s3Output);
            assertThat(report).startsWith(S3_WAREHOUSE + "/reports/pipeline-pjm-load/"
                    + "pipeline-pjm-load-").endsWith(".html");
            assertThat(s3.exists(report)).isTrue();
            assertThat(s3.exists(S3_WAREHOUSE + "/reports/pipeline-pjm-load/latest.html"))
                    .isTrue();
        }
    }

    private static Path pjmSlice(Path work) throws Exception {
        Path sample = SparkTestBase.repositoryRoot()
                .resolve("data/samples/pjm_hourly_load/PJME_hourly_2015-2018.csv");
        Path input = Files.createDirectories(work.resolve("input"));
        try (Stream<String> lines = Files.lines(sample)) {
            Files.write(input.resolve("PJME_2018_Jan_Apr.csv"), lines
                    .filter(l -> l.startsWith("Datetime") || l.matches("2018-0[1-4]-.*"))
                    .collect(Collectors.toList()));
        }
        return input;
    }

    private static String[] pipelineArgs(Path input, Settings settings) {
        List<String> args = new ArrayList<>(List.of("pipeline", "pjm-load",
                "--input", input.toString(), "--test-start", "2018-04-01",
                "--set", "forecast.validation-days=14", "--set", "xgboost.eta=0.3",
                "--set", "xgboost.early-stopping-rounds=10"));
        for (String key : List.of("storage.warehouse", "catalog.jdbc-uri", "spark.master",
                "spark.sql.shuffle.partitions", "xgboost.num-workers")) {
            args.add("--set");
            args.add(key + "=" + settings.string(key));
        }
        settings.section("spark.hadoop").forEach((key, value) -> {
            args.add("--set");
            args.add("spark.hadoop." + key + "=" + value);
        });
        return args.toArray(String[]::new);
    }

    /** Returns the summary lines without their elapsed times and report locations. */
    private static List<String> summaryCounts(String output) {
        return output.lines().filter(line -> line.contains("rows read"))
                .map(line -> line.replaceAll("[0-9.]+ s\\b", "").replaceAll("; report \\S+$", ""))
                .toList();
    }

    /** {@code columns} of {@code table}'s current snapshot, read by DuckDB, sorted. */
    private static List<String> duckDbRows(Settings settings, S3TestServer s3, Path work,
            String table, String columns) throws Exception {
        return duckDb(localDataFiles(settings, s3, work, table), "SELECT " + columns.replaceAll(
                "(\\w+_utc)", "epoch($1)::BIGINT") + " FROM read_parquet(%s) ORDER BY ALL");
    }

    /** Column names and types of {@code table}'s data files as DuckDB reads them. */
    private static List<String> duckDbTypes(Settings settings, S3TestServer s3, Path work,
            String table) throws Exception {
        return duckDb(localDataFiles(settings, s3, work, table),
                "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(%s))");
    }

    /** The data files of the current snapshot as a DuckDB list, copied from S3 when needed. */
    private static String localDataFiles(Settings settings, S3TestServer s3, Path work,
            String table) throws Exception {
        List<String> files;
        try (SparkSession spark = SparkSessions.create(settings)) {
            files = spark.sql("SELECT file_path FROM "
                            + new TableCatalog(spark, settings).qualified(table) + ".files")
                    .collectAsList().stream().map(row -> row.getString(0)).toList();
        }
        if (s3 != null) {
            Path copies = Files.createTempDirectory(work, table);
            files = s3.download(files, copies).stream().map(Path::toString).toList();
        }
        return files.stream().map(f -> "'" + f.replace("file:", "") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static List<String> duckDb(String fileList, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement();
                ResultSet result = statement.executeQuery(query.formatted(fileList))) {
            int width = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= width; i++) {
                    row.append(i > 1 ? "|" : "").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static long epochSeconds(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }
}
