package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.S3TestServer;
import io.gridcast.SparkTestBase;
import io.gridcast.config.Settings;
import io.gridcast.io.SparkSessions;
import io.gridcast.io.TableCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Storage faults: the S3 server stopped in the middle of a table write, a missing bucket, wrong
 * credentials, and a local warehouse that cannot be written.
 */
class S3FaultsTest {

    private static final String BUCKET = "gridcast-tables";
    private static final String WAREHOUSE = "s3a://" + BUCKET + "/warehouse";
    private static final long JANUARY_HOURS = 744;
    private static final long FEBRUARY_HOURS = 672;

    private static Path work;
    private static Path january;
    private static Path januaryAndFebruary;

    @BeforeAll
    static void writeInputs() throws Exception {
        work = Files.createTempDirectory("s3-faults");
        january = Files.createDirectories(work.resolve("january"));
        januaryAndFebruary = Files.createDirectories(work.resolve("january-and-february"));
        writeMonth(january, "2018-01");
        writeMonth(januaryAndFebruary, "2018-01");
        writeMonth(januaryAndFebruary, "2018-02");
    }

    @Test
    void serverStoppedMidWriteKeepsPreviousSnapshot() throws Exception {
        try (S3TestServer s3 = S3TestServer.start()) {
            s3.createBucket(BUCKET);
            Path catalog = work.resolve("mid-write-catalog.db");
            CommandRun.succeeding(ingest(january, WAREHOUSE, catalog, s3.sparkSettings()));

            s3.stopOnPut("/load_hourly/data/");
            CommandRun failed = CommandRun.errors(
                    ingest(januaryAndFebruary, WAREHOUSE, catalog, s3.sparkSettings()));
            s3.restart();

            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.output()).containsOnlyOnce("ingest pjm-load failed: Cannot publish "
                    + "gridcast.gridcast.load_hourly in warehouse " + WAREHOUSE + ": ")
                    .contains("/gridcast/load_hourly/data/")
                    .doesNotContain(S3TestServer.SECRET_KEY);
            assertThat(publishedRows(catalog, s3)).containsExactly(JANUARY_HOURS, 1L);

            String rerun = CommandRun.succeeding(
                    ingest(januaryAndFebruary, WAREHOUSE, catalog, s3.sparkSettings()));
            assertThat(rerun).contains("rows read " + (JANUARY_HOURS + FEBRUARY_HOURS));
            assertThat(publishedRows(catalog, s3))
                    .containsExactly(JANUARY_HOURS + FEBRUARY_HOURS, 2L);
        }
    }

    @Test
    void missingBucketGivesOneClearError() throws Exception {
        try (S3TestServer s3 = S3TestServer.start()) {
            CommandRun failed = CommandRun.errors(ingest(january, "s3a://no-such-bucket/tables",
                    work.resolve("missing-bucket.db"), s3.sparkSettings()));

            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.output()).containsOnlyOnce("ingest pjm-load failed: Cannot reach "
                    + "warehouse s3a://no-such-bucket/tables: ")
                    .contains(": The specified bucket does not exist (check the endpoint, the "
                            + "credentials and the bucket)");
        }
    }

    @Test
    void wrongCredentialsGiveOneClearError() throws Exception {
        try (S3TestServer s3 = S3TestServer.start()) {
            s3.createBucket(BUCKET);
            var settings = new java.util.HashMap<>(s3.sparkSettings());
            settings.put("spark.hadoop.fs.s3a.secret.key", "not-the-secret-key");

            CommandRun failed = CommandRun.errors(ingest(january, WAREHOUSE,
                    work.resolve("wrong-credentials.db"), settings));

            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.output()).containsOnlyOnce("ingest pjm-load failed: Cannot reach "
                    + "warehouse " + WAREHOUSE + ": ")
                    .contains(": Forbidden (check").doesNotContain("not-the-secret-key")
                    .doesNotContain(S3TestServer.SECRET_KEY);
        }
    }

    @Test
    void unreachableEndpointFailsBeforeReading() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var settings = new java.util.HashMap<String, String>();
        try (S3TestServer s3 = S3TestServer.start()) {
            settings.putAll(s3.sparkSettings());
        }
        // The product's own retry settings, not the shorter ones of the other tests.
        settings.remove("spark.hadoop.fs.s3a.attempts.maximum");
        settings.remove("spark.hadoop.fs.s3a.retry.limit");
        settings.put("spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:" + closedPort);

        CommandRun failed = CommandRun.errors(ingest(january, WAREHOUSE,
                work.resolve("unreachable.db"), settings));

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.output()).containsOnlyOnce("ingest pjm-load failed: Cannot reach "
                + "warehouse " + WAREHOUSE + ": ").contains("Connection refused")
                .doesNotContain("stage 1/2: parsed");
    }

    @Test
    void unwritableLocalWarehouseGivesOneClearError() throws Exception {
        Path file = Files.writeString(work.resolve("a-file"), "not a folder");

        CommandRun failed = CommandRun.errors("ingest", "pjm-load", "--input",
                january.toString(), "--set", "storage.warehouse=" + file.resolve("warehouse"),
                "--set", "spark.master=local[1]");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.output()).containsOnlyOnce("ingest pjm-load failed: Cannot create "
                + "catalog folder " + file.resolve("warehouse")).contains("Not a directory");
    }

    private static String[] ingest(Path input, String warehouse, Path catalog,
            java.util.Map<String, String> s3Settings) {
        List<String> args = new ArrayList<>(List.of("ingest", "pjm-load",
                "--input", input.toString(), "--warehouse", warehouse,
                "--set", "catalog.jdbc-uri=jdbc:sqlite:" + catalog,
                "--set", "spark.master=local[2]", "--set", "spark.sql.shuffle.partitions=4"));
        args.addAll(S3TestServer.setOptions(s3Settings));
        return args.toArray(String[]::new);
    }

    /** Rows and snapshots of the published {@code load_hourly}. */
    private static List<Long> publishedRows(Path catalog, S3TestServer s3) {
        Settings settings = s3.applyTo(SparkTestBase.testSettings(work.resolve("unused"))
                .with("storage.warehouse", WAREHOUSE)
                .with("catalog.jdbc-uri", "jdbc:sqlite:" + catalog));
        try (SparkSession spark = SparkSessions.create(settings)) {
            String table = new TableCatalog(spark, settings).qualified("load_hourly");
            return List.of(spark.table(table).count(),
                    spark.table(table + ".snapshots").count());
        }
    }

    private static void writeMonth(Path folder, String month) throws Exception {
        Path sample = SparkTestBase.repositoryRoot()
                .resolve("data/samples/pjm_hourly_load/PJME_hourly_2015-2018.csv");
        try (Stream<String> lines = Files.lines(sample)) {
            Files.write(folder.resolve("PJME_" + month + ".csv"), lines
                    .filter(l -> l.startsWith("Datetime") || l.startsWith(month + "-"))
                    .collect(Collectors.toList()));
        }
    }
}
