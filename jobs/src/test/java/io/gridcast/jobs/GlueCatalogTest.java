package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.GlueTestServer;
import io.gridcast.S3TestServer;
import io.gridcast.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs a job with {@code conf/emr.conf}, Iceberg's GlueCatalog and S3FileIO, against a loopback
 * Glue catalog and S3 server: the tables Athena would find.
 */
class GlueCatalogTest {

    private static final String WAREHOUSE = "s3://gridcast-tables/glue-warehouse";

    @BeforeEach
    void awsCredentials() {
        // The Glue client reads the default AWS credential chain, here Java system properties.
        System.setProperty("aws.accessKeyId", S3TestServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3TestServer.SECRET_KEY);
    }

    @AfterEach
    void clearCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void emrSettingsRegisterIcebergTablesInGlue() throws Exception {
        Path input = januaryInput();
        try (S3TestServer s3 = S3TestServer.start(); GlueTestServer glue = GlueTestServer.start()) {
            s3.createBucket("gridcast-tables");
            String[] ingest = args(s3, glue, "ingest", "pjm-load", "--input", input.toString());

            CommandRun debugLog = withDebugLog(() -> CommandRun.errors(ingest));

            String second = CommandRun.succeeding(ingest);
            String tables = CommandRun.succeeding(args(s3, glue, "tables"));
            Path otherSchemes = Files.writeString(input.resolveSibling(input.getFileName()
                    + ".sql"), "SELECT count(*) AS files_not_on_s3 FROM gridcast.gridcast.load_hourly.files"
                    + " WHERE file_path NOT LIKE 's3://gridcast-tables/%'");
            String files = CommandRun.succeeding(args(s3, glue, "query", "--sql",
                    otherSchemes.toString()));

            assertThat(debugLog.exitCode()).isZero();
            assertThat(debugLog.output()).contains("storage.warehouse = " + WAREHOUSE)
                    .containsPattern("secret-access-key\"? = \\*\\*\\*\\*")
                    .doesNotContain(S3TestServer.SECRET_KEY);
            assertThat(second + tables).doesNotContain(S3TestServer.SECRET_KEY);
            assertThat(second).contains("rows read 744, accepted 744");
            assertThat(files).contains("files_not_on_s3\n0\n");
            assertThat(tables).containsPattern("gridcast\\.gridcast\\.load_hourly +744 +1 ");
            JsonNode table = glue.table("gridcast", "load_hourly");
            assertThat(table.path("Parameters").path("table_type").asText()).isEqualTo("ICEBERG");
            assertThat(table.path("Parameters").path("metadata_location").asText())
                    .startsWith(WAREHOUSE + "/gridcast.db/load_hourly/metadata/");
            assertThat(table.path("StorageDescriptor").path("Location").asText())
                    .isEqualTo(WAREHOUSE + "/gridcast.db/load_hourly");
            assertThat(columnTypes(table)).containsAllEntriesOf(Map.of(
                    "interval_start_utc", "timestamp", "operating_date", "date",
                    "hour_ending", "int", "load_mw", "double", "dst_flag", "boolean",
                    "source_line", "bigint", "zone", "string"));
            assertThat(glue.calls().stream().map(GlueTestServer.Call::operation))
                    .contains("CreateDatabase", "CreateTable", "UpdateTable");
            assertThat(glue.calls().stream().filter(c -> c.operation().equals("UpdateTable")))
                    .allMatch(c -> c.body().hasNonNull("VersionId"));
        }
    }

    /** Runs {@code job} with gridcast's log at DEBUG (the settings dump) and Spark's at INFO. */
    private static CommandRun withDebugLog(java.util.function.Supplier<CommandRun> job) {
        Configurator.setLevel("io.gridcast", Level.DEBUG);
        Configurator.setLevel("org.apache.spark", Level.INFO);
        try {
            return job.get();
        } finally {
            Configurator.setLevel("io.gridcast", Level.INFO);
            Configurator.setLevel("org.apache.spark", Level.WARN);
        }
    }

    private static Map<String, String> columnTypes(JsonNode table) {
        Map<String, String> types = new TreeMap<>();
        table.path("StorageDescriptor").path("Columns").forEach(column ->
                types.put(column.path("Name").asText(), column.path("Type").asText()));
        return types;
    }

    private static String[] args(S3TestServer s3, GlueTestServer glue, String... job) {
        List<String> args = new ArrayList<>(List.of(job));
        args.addAll(List.of("--conf", SparkTestBase.repositoryRoot().resolve("conf/emr.conf")
                .toString()));
        String catalog = "spark.sql.catalog.gridcast.";
        Map<String, String> settings = new TreeMap<>(Map.of(
                "storage.warehouse", WAREHOUSE,
                "spark.master", "local[2]",
                "spark.driver.host", "127.0.0.1",
                "spark.driver.bindAddress", "127.0.0.1",
                catalog + "glue.endpoint", glue.endpoint(),
                catalog + "client.region", "us-east-1",
                catalog + "s3.endpoint", s3.endpoint(),
                catalog + "s3.path-style-access", "true",
                catalog + "s3.access-key-id", S3TestServer.ACCESS_KEY,
                catalog + "s3.secret-access-key", S3TestServer.SECRET_KEY));
        args.addAll(S3TestServer.setOptions(settings));
        return args.toArray(String[]::new);
    }

    private static Path januaryInput() throws Exception {
        Path sample = SparkTestBase.repositoryRoot()
                .resolve("data/samples/pjm_hourly_load/PJME_hourly_2015-2018.csv");
        Path input = Files.createTempDirectory("glue-input");
        try (Stream<String> lines = Files.lines(sample)) {
            Files.write(input.resolve("PJME_2018-01.csv"), lines
                    .filter(l -> l.startsWith("Datetime") || l.startsWith("2018-01-"))
                    .collect(Collectors.toList()));
        }
        return input;
    }
}
