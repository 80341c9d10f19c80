package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.S3TestServer;
import io.gridcast.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ingests ERCOT reports from an {@code s3a://} prefix on a loopback S3 server. */
class IngestErcotS3Test {

    @Test
    void ingestsZipsAndCsvsFromS3aPrefix() throws Exception {
        Path sample = SparkTestBase.repositoryRoot().resolve("data/samples/ercot_dam_spp");
        Path warehouse = Files.createTempDirectory("ercot-s3");
        try (S3TestServer s3 = S3TestServer.start()) {
            s3.createBucket("ercot-reports");
            try (var files = Files.list(sample)) {
                s3.upload(files.filter(f -> !f.toString().endsWith(".md")).toList(),
                        "ercot-reports", "dam/2024");
            }

            List<String> args = new ArrayList<>(List.of("ingest", "ercot", "--report", "dam-spp",
                    "--input", "s3a://ercot-reports/dam/", "--set", "storage.warehouse=" + warehouse,
                    "--set", "spark.master=local[2]"));
            args.addAll(S3TestServer.setOptions(s3.sparkSettings()));
            String output = CommandRun.succeeding(args.toArray(String[]::new));

            assertThat(output).contains("rows read 25872, accepted 25872, rejected 0, "
                    + "duplicates 0, missing hours 0; 25872 rows published to price_hourly")
                    .doesNotContain(S3TestServer.SECRET_KEY);
        }
    }

}
