package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.SparkTestBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IngestErcotCommandTest {

    @Test
    void bundledSampleIngestsWithCounts() throws IOException {
        Path warehouse = Files.createTempDirectory("ercot-command");
        Path sample = SparkTestBase.repositoryRoot().resolve("data/samples/ercot_dam_spp");

        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exitCode;
        try {
            exitCode = Gridcast.execute("ingest", "ercot", "--report", "dam-spp",
                    "--input", sample.toString(), "--set", "warehouse=" + warehouse,
                    "--set", "spark.master=local[2]");
        } finally {
            System.setOut(original);
        }

        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as(output).isZero();
        assertThat(output).contains("ingest ercot dam-spp finished")
                .contains("rows read 25872, accepted 25872, rejected 0, duplicates 0, "
                        + "missing hours 0; 25872 rows in price_hourly (988 settlement points, "
                        + "7 operating days");
    }

    @Test
    void unknownReportIsUsageError() {
        assertThat(Gridcast.execute("ingest", "ercot", "--report", "rt-lmp")).isEqualTo(2);
    }
}
