package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IngestErcotCommandTest {

    @Test
    void bundledSampleIngestsWithCounts() throws IOException {
        Path warehouse = Files.createTempDirectory("ercot-command");
        Path sample = SparkTestBase.repositoryRoot().resolve("data/samples/ercot_dam_spp");

        String output = CommandRun.succeeding("ingest", "ercot", "--report", "dam-spp",
                "--input", sample.toString(), "--set", "storage.warehouse=" + warehouse,
                "--set", "spark.master=local[2]");

        assertThat(output).contains("ingest ercot dam-spp finished")
                .contains("rows read 25872, accepted 25872, rejected 0, duplicates 0, "
                        + "missing hours 0; 25872 rows published to price_hourly (988 settlement points, "
                        + "7 operating days");
    }

    @Test
    void nativeLoadThenQueryWritesCsv() throws IOException {
        Path warehouse = Files.createTempDirectory("ercot-query");
        Path query = warehouse.resolve("peak.sql");
        Files.writeString(query, "SELECT zone, max(load_mw) AS peak_mw, count(*) AS hours\n"
                + "FROM load_hourly WHERE iso = 'ERCOT' AND operating_date = CAST(? AS DATE)\n"
                + "GROUP BY zone ORDER BY zone;\n");
        Path csv = warehouse.resolve("peak.csv");

        String ingest = CommandRun.succeeding("ingest", "ercot", "--report", "native-load", "--input",
                SparkTestBase.repositoryRoot().resolve("data/samples/ercot_native_load").toString(),
                "--set", "storage.warehouse=" + warehouse, "--set", "spark.master=local[2]");
        String answer = CommandRun.succeeding("query", "--sql", query.toString(), "--param", "2023-11-05",
                "--output", csv.toString(), "--set", "storage.warehouse=" + warehouse,
                "--set", "spark.master=local[2]");

        assertThat(ingest).contains("ingest ercot native-load finished")
                .contains("rows read 1464, accepted 1464, rejected 0, duplicates 0, "
                        + "missing hours 0; 13176 rows published to load_hourly (9 zones, 61 operating days");
        assertThat(answer).contains("9 rows, written to " + csv);
        // The raw file's COAST peak on 11/05/2023 is 13753.874592 MW at 16:00, and the day has
        // 25 hours with "02:00 DST".
        assertThat(Files.readAllLines(csv)).contains("zone,peak_mw,hours",
                "COAST,13753.874592,25");
    }


    @Test
    void unknownReportIsUsageError() {
        assertThat(Gridcast.execute("ingest", "ercot", "--report", "rt-lmp")).isEqualTo(2);
    }
}
