package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code gridcast ingest smt} on the bundled Smart Meter Texas export. */
class IngestSmtCommandTest {

    private static final String KEY = "command-test-key-0123456789";
    private static final String ESIID = "10443720000000001";
    private static final String SAMPLE = io.gridcast.SparkTestBase.repositoryRoot()
            .resolve("data/samples/smt_interval").toString();

    @Test
    void sampleIngestKeepsIdsAndKeyPrivate() throws Exception {
        Path warehouse = Files.createTempDirectory("smt-command");

        CommandRun run = CommandRun.errors("ingest", "smt", "--input", SAMPLE,
                "--warehouse", warehouse.toString(),
                "--set", "smt.meter-id-hash-key=" + KEY, "--set", "spark.master=local[2]");
        String output = CommandRun.succeeding("tables", "--warehouse", warehouse.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.output() + output).doesNotContain(ESIID).doesNotContain(KEY);
        assertThat(output).containsPattern("gridcast\\.gridcast\\.meter_interval +17660 ");
    }

    @Test
    void summaryCountsEveryRow() throws Exception {
        Path warehouse = Files.createTempDirectory("smt-summary");

        String output = CommandRun.succeeding("ingest", "smt", "--input", SAMPLE,
                "--warehouse", warehouse.toString(), "--set", "smt.meter-id-hash-key=" + KEY,
                "--set", "spark.master=local[2]");

        assertThat(output).contains("ingest smt finished in ")
                .contains("rows read 17664, accepted 17660, rejected 4, duplicates 0, "
                        + "missing 15-minute intervals 0; 17660 rows published to meter_interval"
                        + " (1 meter, 184 days, 2022-03-01T06:00:00Z to 2022-09-01T04:45:00Z)");
    }

    @Test
    void missingKeyFailsBeforeReading() {
        CommandRun failed = CommandRun.errors("ingest", "smt", "--set", "spark.master=local[1]");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.output()).contains("ingest smt failed: Missing setting "
                + "gridcast.smt.meter-id-hash-key: set the environment variable "
                + "GRIDCAST_METER_ID_HASH_KEY");
    }
}
