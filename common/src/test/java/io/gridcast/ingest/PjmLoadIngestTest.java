package io.gridcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.SparkTestBase;
import io.gridcast.io.TableCatalog;
import io.gridcast.io.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class PjmLoadIngestTest extends SparkTestBase {

    private static final Path TWO_COLUMN = Path.of("src/test/resources/pjm/two_column");
    private static final Path DATA_MINER = Path.of("src/test/resources/pjm/dataminer");
    private static final Instant RUN_TIME = Instant.parse("2026-01-01T00:00:00Z");

    private PjmLoadIngest.Result ingest(Path input, String runId) {
        PjmLoadIngest ingest = new PjmLoadIngest(spark);
        PjmLoadIngest.Result result = ingest.read(input.toAbsolutePath().toString(), runId, RUN_TIME);
        ingest.publish(new TableCatalog(spark, settings), result);
        return result;
    }

    @Test
    void countsAddUpAcrossFiles() {
        PjmLoadIngest.Result result = ingest(TWO_COLUMN, "run-counts");

        // Fall-back file: 5 rows accepted. Spring file: 9 rows; 3 accepted, 1 exact duplicate,
        // 2 conflicting copies, the gap label, an invalid date and a missing value rejected.
        assertThat(result.counts()).isEqualTo(new IngestCounts(14, 8, 5, 1, 0));
        List<Row> rejects = new TableCatalog(spark, settings).read("rejects")
                .filter("job = 'pjm-load' AND source_file LIKE '%two_column%'").orderBy("source_file", "line_number").collectAsList();
        assertThat(rejects).extracting(r -> r.<Long>getAs("line_number"))
                .containsExactly(4L, 7L, 8L, 9L, 10L);
        assertThat(rejects.get(1).<String>getAs("reason")).isEqualTo(
                "Conflicting duplicate: 2 rows for PJM AEP hour starting 2015-03-08 09:00 UTC "
                        + "have different load_mw or is_verified values");
        assertThat(rejects.get(1).<String>getAs("source_file")).endsWith("AEP_spring_forward_2015.csv");
    }

    @Test
    void rerunDoesNotDuplicateRows() {
        ingest(TWO_COLUMN, "run-first");
        ingest(TWO_COLUMN, "run-second");
        TableCatalog catalog = new TableCatalog(spark, settings);

        assertThat(catalog.read("load_hourly").filter("zone IN ('PJME', 'AEP')").count()).isEqualTo(8);
        assertThat(catalog.read("rejects")
                .filter("job = 'pjm-load' AND source_file LIKE '%two_column%'").count()).isEqualTo(5);
        assertThat(catalog.read("load_hourly").filter("zone = 'PJME'").select("run_id").distinct()
                .collectAsList()).extracting(r -> r.getString(0)).containsExactly("run-second");
    }

    @Test
    void duckDbReadsCorrectUtcInstants() throws Exception {
        ingest(DATA_MINER, "run-duckdb");
        String dataFiles = duckDbDataFiles(spark, settings, "load_hourly");

        List<Long> epochSeconds = new ArrayList<>();
        List<Double> loads = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement();
                ResultSet rows = statement.executeQuery("SELECT epoch(interval_start_utc), load_mw,"
                        + " typeof(interval_start_utc) FROM read_parquet(" + dataFiles
                        + ") WHERE zone = 'RTO' ORDER BY interval_start_utc")) {
            while (rows.next()) {
                epochSeconds.add(rows.getLong(1));
                loads.add(rows.getDouble(2));
                assertThat(rows.getString(3)).isEqualTo("TIMESTAMP WITH TIME ZONE");
            }
        }
        // 2025-11-02 03:00Z is 1762052400; the two 01:00 EPT hours are 05:00Z and 06:00Z.
        assertThat(epochSeconds).hasSize(7);
        assertThat(epochSeconds.get(0)).isEqualTo(1762052400L);
        assertThat(epochSeconds.get(2)).isEqualTo(Instant.parse("2025-11-02T05:00:00Z").getEpochSecond());
        assertThat(epochSeconds.get(3)).isEqualTo(Instant.parse("2025-11-02T06:00:00Z").getEpochSecond());
        assertThat(loads.get(2)).isEqualTo(73728.900);
        assertThat(loads.get(3)).isEqualTo(72840.737);
    }

    @Test
    void missingInputNamesUri() {
        Path missing = warehouseDir.resolve("no-such-folder");

        assertThatThrownBy(() -> new PjmLoadIngest(spark).read(missing.toString(), "run-x", RUN_TIME))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Input not found")
                .hasMessageContaining("no-such-folder");
    }

    @Test
    void missingHoursAreCountedNotFilled() throws Exception {
        Path folder = Files.createTempDirectory("pjm-gap");
        Files.writeString(folder.resolve("gap.csv"), "Datetime,DOM_MW\n"
                + "2016-07-01 01:00:00,100.0\n"
                + "2016-07-01 02:00:00,101.0\n"
                + "2016-07-01 05:00:00,104.0\n");

        PjmLoadIngest.Result result = new PjmLoadIngest(spark).read(folder.toString(), "run-gap",
                RUN_TIME);

        assertThat(result.counts()).isEqualTo(new IngestCounts(3, 3, 0, 0, 2));
        assertThat(result.missingHours()).containsExactly(
                Instant.parse("2016-07-01T06:00:00Z"), Instant.parse("2016-07-01T07:00:00Z"));
        assertThat(Tables.LOAD_HOURLY.keyColumns()).containsExactly("iso", "zone", "interval_start_utc");
    }

    @Test
    void unreadableFileFailsWholeRun() throws Exception {
        Path folder = Files.createTempDirectory("pjm-mixed");
        Files.writeString(folder.resolve("a_good.csv"), "Datetime,NI_MW\n2016-07-01 01:00:00,100.0\n");
        Files.writeString(folder.resolve("b_bad.csv"), "time;load\n2016-07-01;1\n");
        TableCatalog catalog = new TableCatalog(spark, settings);
        catalog.ensure(Tables.LOAD_HOURLY);
        long before = catalog.read("load_hourly").count();

        assertThatThrownBy(() -> ingest(folder, "run-mixed"))
                .rootCause()
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("b_bad.csv")
                .hasMessageContaining("time;load");
        assertThat(catalog.read("load_hourly").count()).isEqualTo(before);
        assertThat(catalog.read("load_hourly").filter("zone = 'NI'").count()).isZero();
    }

    @Test
    void oddFileNamesAreReadAsTheyAre() throws Exception {
        Path folder = Files.createTempDirectory("pjm-names");
        String rows = "Datetime,AE_MW\n2016-07-01 01:00:00,100.0\n";
        Files.writeString(folder.resolve("load, part [1].csv"), rows);
        Files.writeString(folder.resolve("my load.csv"), rows.replace("100.0", "100.0"));
        Files.writeString(folder.resolve(".hidden.csv"), "not,a,load,file\n");
        Files.writeString(folder.resolve("_SUCCESS.csv"), "");

        PjmLoadIngest.Result result = new PjmLoadIngest(spark).read(folder.toString(), "run-names",
                RUN_TIME);

        assertThat(result.files()).hasSize(2);
        assertThat(result.counts()).isEqualTo(new IngestCounts(2, 1, 0, 1, 0));
        PjmLoadIngest.Result direct = new PjmLoadIngest(spark)
                .read(folder.resolve("my load.csv").toString(), "run-direct", RUN_TIME);
        assertThat(direct.counts().accepted()).isEqualTo(1);
    }
}
